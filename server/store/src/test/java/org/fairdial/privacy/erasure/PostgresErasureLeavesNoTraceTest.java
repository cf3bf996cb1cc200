package org.fairdial.privacy.erasure;

import org.fairdial.storage.PostgresFixture;
import org.fairdial.storage.StoreFixture;

/** An erasure leaves no trace of the number, on a real PostgreSQL server; skipped, with the reason, without one. */
class PostgresErasureLeavesNoTraceTest extends ErasureLeavesNoTraceContract {

    @Override
    protected StoreFixture createFixture() {
        return PostgresFixture.create();
    }
}
