package org.fairdial.cdr;

import org.fairdial.storage.PostgresContainerFixture;
import org.fairdial.storage.StoreFixture;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The CdrTools contract on a throw-away PostgreSQL container; a Docker-only check (disabled without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerCdrToolsTest extends CdrToolsContract {

    @Container
    private static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15-alpine");

    @Override
    protected StoreFixture createFixture() {
        return new PostgresContainerFixture(POSTGRES);
    }
}
