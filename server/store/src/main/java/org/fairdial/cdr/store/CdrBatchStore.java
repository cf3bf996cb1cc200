package org.fairdial.cdr.store;

import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.store.AsyncCdrWriter;
import java.util.List;

/**
 * Where {@link AsyncCdrWriter} commits batches: the database, behind
 * {@link org.fairdial.storage.JdbcCdrRepository}. An insert must be idempotent on the leg id (a batch whose commit
 * outcome was unknown is written again) and all-or-nothing; a failure is thrown and the batch retried.
 */
public interface CdrBatchStore {

    /** Stores the legs in one transaction; returns how many were new (legs already stored are skipped). */
    int insertBatch(List<CdrLeg> legs);
}
