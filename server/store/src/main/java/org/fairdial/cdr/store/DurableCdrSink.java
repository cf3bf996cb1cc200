package org.fairdial.cdr.store;

import org.fairdial.cdr.CdrSink;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.store.AsyncCdrWriter;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.fairdial.cdr.journal.CdrJournal;
import org.fairdial.call.ConfirmedDialog;
import org.fairdial.config.StoreConfig;
import org.fairdial.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link CdrSink}: every leg goes first to the local {@link CdrJournal} (crash- and outage-proof),
 * then to the {@link AsyncCdrWriter} (batched database inserts); each committed batch lets the journal go of its
 * legs. Opening it replays the journal: legs that ended but may not have reached the database, and legs that were
 * open when the dialer died (closed as "dialer restart"), are queued again, and inserting them twice stores them
 * once. {@link #canAcceptCalls()} is the dialing gate: false while the journal could not keep a record.
 */
public final class DurableCdrSink implements CdrSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DurableCdrSink.class);

    private final CdrJournal journal;
    private final AsyncCdrWriter writer;
    private final CdrJournal.Recovery recovery;

    private DurableCdrSink(CdrJournal journal, AsyncCdrWriter writer, CdrJournal.Recovery recovery) {
        this.journal = journal;
        this.writer = writer;
        this.recovery = recovery;
    }

    /**
     * Opens the journal (when {@code config.journal().enabled()}), replays it and starts the writer.
     *
     * @param durabilityBarrier makes the database's commits durable before journal data is wiped
     */
    public static DurableCdrSink open(CdrBatchStore store, StoreConfig config, Runnable durabilityBarrier,
                                      InstantSource clock) throws IOException {
        return open(store, config, durabilityBarrier, clock, AsyncCdrWriter.DEFAULT_CLOSE_TIMEOUT);
    }

    /** As {@link #open(CdrBatchStore, StoreConfig, Runnable, InstantSource)}, with the writer's close bound. */
    public static DurableCdrSink open(CdrBatchStore store, StoreConfig config, Runnable durabilityBarrier,
                                      InstantSource clock, Duration closeTimeout) throws IOException {
        return open(store, config, durabilityBarrier, clock, closeTimeout, PersonalData.PLAINTEXT);
    }

    /**
     * As {@link #open(CdrBatchStore, StoreConfig, Runnable, InstantSource, Duration)}, the journal's records
     * holding the callee's fields sealed by {@code personal} (encryption at rest).
     */
    public static DurableCdrSink open(CdrBatchStore store, StoreConfig config, Runnable durabilityBarrier,
                                      InstantSource clock, Duration closeTimeout, PersonalData personal)
            throws IOException {
        if (!config.journal().enabled()) {
            LOG.warn("CDR journal disabled (dialer.store.journal.enabled = false): queued CDRs are lost if the "
                    + "process dies while the database is down or slow");
            return new DurableCdrSink(null, new AsyncCdrWriter(store, config.batchSize(), config.flushInterval(),
                    config.retryBackoff(), closeTimeout), new CdrJournal.Recovery(List.of(), List.of(), List.of(), 0, 0));
        }
        CdrJournal.Opened opened = CdrJournal.open(config.journal(), durabilityBarrier, clock, personal);
        CdrJournal journal = opened.journal();
        AsyncCdrWriter writer = new AsyncCdrWriter(store, config.batchSize(), config.flushInterval(),
                config.retryBackoff(), closeTimeout, journal::committed);
        opened.recovery().ended().forEach(writer::write);
        opened.recovery().closed().forEach(writer::write);
        return new DurableCdrSink(journal, writer, opened.recovery());
    }

    @Override
    public void write(CdrLeg leg) {
        if (journal != null) {
            journal.ended(leg);
        }
        writer.write(leg);
    }

    @Override
    public void legProgress(CdrLeg snapshot) {
        if (journal != null) {
            journal.open(snapshot);
        }
    }

    /** Journals a leg's confirmed dialog until the leg ends, so a restart after a crash can end it (BYE). */
    public void dialogConfirmed(ConfirmedDialog dialog) {
        if (journal != null) {
            journal.dialogConfirmed(dialog);
        }
    }

    /** The dialing gate: false while a record could be lost (journal cannot write, disk nearly full). */
    public boolean canAcceptCalls() {
        return journal == null || journal.canAcceptCalls();
    }

    /** Why dialing is stopped, or null. */
    public String alarm() {
        return journal == null ? null : journal.alarm();
    }

    /** What the journal held at start-up. */
    public CdrJournal.Recovery recovery() {
        return recovery;
    }

    /** The journal, or null when disabled. */
    public CdrJournal journal() {
        return journal;
    }

    public AsyncCdrWriter writer() {
        return writer;
    }

    /** Waits until every leg queued so far is committed; false on timeout. */
    public boolean flush(Duration timeout) {
        return writer.flush(timeout);
    }

    /** Writes what it can within the writer's close bound; what is left stays in the journal for the next start. */
    @Override
    public void close() {
        writer.close();
        if (journal != null) {
            journal.close();
        }
    }
}
