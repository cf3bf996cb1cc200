package org.fairdial.storage;

import org.fairdial.ports.Denial;
import org.fairdial.ports.DoNotCallSource;
import org.fairdial.ports.StoreException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.fairdial.compliance.Rule;
import org.fairdial.privacy.NumberMask;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a failing store put the whole callee number in the exception message (ours, and the driver's,
 * which quotes the values of the row that failed), and the command-line tools print both.
 */
class StoreErrorMaskingTest {
    private static final String NUMBER = "+390212345678";
    private static final Instant AT = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aClosedStoreNamesTheNumberMasked() {
        Database db = Database.open(new H2Fixture(dir).config());
        JdbcDialHistoryRepository history = new JdbcDialHistoryRepository(db.dataSource(), NumberMask.of(2));
        db.close();

        StoreException e = assertThrows(StoreException.class,
                () -> history.recordAttempt(NUMBER, "spring", "lead-1", false, AT));
        assertTrue(e.getMessage().startsWith("Cannot record a call to ***78: "), e.getMessage());
        assertNoFullNumber(e);
        assertThrows(StoreException.class, () -> history.abandons(NUMBER));
        assertNoFullNumber(assertThrows(StoreException.class, () -> history.attemptsSince(NUMBER, AT)));
        assertNoFullNumber(assertThrows(StoreException.class, () -> history.recordAbandon(NUMBER, AT)));
    }

    /** H2 quotes an over-long value in its message: {@code Value too long for column ...: "'+3902...' (13)"}. */
    @Test
    void theDriversOwnTextIsMaskedToo() throws Exception {
        JdbcDataSource narrow = narrowTables();
        JdbcDialHistoryRepository history = new JdbcDialHistoryRepository(narrow, NumberMask.of(2));
        StoreException e = assertThrows(StoreException.class,
                () -> history.recordAttempt(NUMBER, "spring", "lead-1", false, AT));
        assertTrue(e.getMessage().contains("'***78'"), "the driver's quote of the value, masked: " + e.getMessage());
        assertNoFullNumber(e);
        assertEquals("22001", ((SQLException) e.getCause()).getSQLState(), "the SQL state is kept for callers");

        JdbcDoNotCallRepository dnc = new JdbcDoNotCallRepository(narrow, NumberMask.of(2));
        assertNoFullNumber(assertThrows(StoreException.class,
                () -> dnc.add(NUMBER, JdbcDoNotCallRepository.INTERNAL, DoNotCallSource.API, null,
                        AT)));

        JdbcDenialRepository denials = new JdbcDenialRepository(narrow);
        StoreException batch = assertThrows(StoreException.class, () -> denials.record(new Denial(UUID.randomUUID(),
                "spring", "lead-1", NUMBER, Rule.DO_NOT_CALL, "listed", null, AT)));
        assertTrue(batch.getMessage().startsWith("Cannot record 1 denial(s): "), batch.getMessage());
        assertNoFullNumber(batch);
    }

    private JdbcDataSource narrowTables() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:narrow-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE dial_attempt (attempt_id UUID, number VARCHAR(5), campaign VARCHAR,"
                    + " lead_id VARCHAR, agent_reserved BOOLEAN, at TIMESTAMP(3) WITH TIME ZONE)");
            s.execute("CREATE TABLE do_not_call (number VARCHAR(5), scope VARCHAR, source VARCHAR, note VARCHAR,"
                    + " added_at TIMESTAMP(3) WITH TIME ZONE)");
            s.execute("CREATE TABLE dial_denial (denial_id UUID, campaign VARCHAR, lead_id VARCHAR,"
                    + " number VARCHAR(5), rule VARCHAR, reason VARCHAR, retry_at TIMESTAMP(3) WITH TIME ZONE,"
                    + " at TIMESTAMP(3) WITH TIME ZONE)");
        }
        return ds;
    }

    /** Neither the message nor any message down the cause chain holds the number (its local part included). */
    private static void assertNoFullNumber(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertFalse(message.contains("0212345678"), t.getClass().getSimpleName() + ": " + message);
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                assertNoFullNumber(sql.getNextException());
            }
        }
    }
}
