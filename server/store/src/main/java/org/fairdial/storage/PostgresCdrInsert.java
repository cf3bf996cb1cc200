package org.fairdial.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.privacy.PersonalData;
import org.postgresql.PGConnection;

/**
 * The PostgreSQL insert of a CDR batch. The fast path is {@code COPY cdr_leg FROM STDIN}: PostgreSQL's bulk-load
 * protocol, one stream per batch, about twice the rate of any INSERT form on our 2-core reference machine
 * (docs/benchmarks.md). COPY has no {@code ON CONFLICT}, so a batch holding a leg that is already stored (a replay
 * after a crash, a retry after a commit whose outcome was unknown) fails as a whole with a unique violation; that
 * batch is then inserted again by the idempotent path: one statement whatever the batch size, each column sent as
 * one array and turned back into rows by {@code unnest}, with {@code ON CONFLICT DO NOTHING}.
 */
final class PostgresCdrInsert {

    /** Column name and the PostgreSQL type its text array is cast to, in {@link CdrLegRows#COLUMNS} order. */
    private static final List<Column> COLUMNS = List.of(
            new Column("uuid", l -> str(l.legId())),
            new Column("uuid", l -> str(l.callId())),
            new Column("varchar", l -> str(l.kind())),
            new Column("varchar", CdrLeg::campaign),
            new Column("varchar", CdrLeg::leadId),
            new Column("varchar", CdrLeg::dialedNumber),
            new Column("varchar", CdrLeg::normalizedNumber),
            new Column("varchar", CdrLeg::fromUri),
            new Column("varchar", CdrLeg::toUri),
            new Column("varchar", CdrLeg::callerId),
            new Column("varchar", CdrLeg::trunk),
            new Column("varchar", CdrLeg::agent),
            new Column("varchar", CdrLeg::sipCallId),
            new Column("timestamptz", l -> ts(l.createdAt())),
            new Column("timestamptz", l -> ts(l.ringingAt())),
            new Column("timestamptz", l -> ts(l.answeredAt())),
            new Column("timestamptz", l -> ts(l.bridgedAt())),
            new Column("timestamptz", l -> ts(l.endedAt())),
            new Column("bigint", l -> str(l.postDialDelayMs())),
            new Column("boolean", l -> str(l.earlyMedia())),
            new Column("bigint", l -> str(l.ringMs())),
            new Column("bigint", l -> str(l.talkMs())),
            new Column("varchar", l -> str(l.disposition())),
            new Column("integer", l -> str(l.sipCode())),
            new Column("varchar", CdrLeg::sipReason),
            new Column("integer", l -> str(l.q850Cause())),
            new Column("varchar", l -> str(l.hangupSide())),
            new Column("boolean", l -> str(l.abandonTreatment())),
            new Column("bigint", l -> str(l.abandonTreatmentMs())),
            new Column("bigint", l -> str(l.rtpSent())),
            new Column("bigint", l -> str(l.rtpReceived())),
            new Column("bigint", l -> str(l.rtpLost())),
            new Column("varchar", CdrLeg::callerIdName),
            new Column("varchar", CdrLeg::promptName),
            new Column("varchar", CdrLeg::consentSource),
            new Column("timestamptz", l -> ts(l.consentAt())),
            new Column("double precision", l -> str(l.rtpQuality().jitterMs())),
            new Column("double precision", l -> str(l.rtpQuality().peerLossPercent())),
            new Column("bigint", l -> str(l.rtpQuality().peerLost())),
            new Column("double precision", l -> str(l.rtpQuality().peerJitterMs())),
            new Column("double precision", l -> str(l.rtpQuality().rttMs())));

    static final String SQL;
    static final String COPY = "COPY cdr_leg (" + CdrLegRows.INSERT_COLUMNS + ") FROM STDIN";
    private static final String UNIQUE_VIOLATION = "23505";

    static {
        StringBuilder select = new StringBuilder();
        for (Column column : COLUMNS) {
            select.append(select.length() == 0 ? "" : ", ").append("?::").append(column.type()).append("[]");
        }
        // The last array: number_index, the one column that is not a CdrLeg component.
        SQL = "INSERT INTO cdr_leg (" + CdrLegRows.INSERT_COLUMNS + ") SELECT * FROM unnest(" + select
                + ", ?::varchar[]) ON CONFLICT DO NOTHING";
        if (COLUMNS.size() != CdrLegRows.COLUMNS.split(",").length) {
            throw new AssertionError("PostgresCdrInsert and CdrLegRows disagree on the columns");
        }
    }

    private PostgresCdrInsert() {
    }

    /**
     * Inserts the legs on {@code c} (auto-commit off; the caller commits) and returns how many were new: COPY
     * first, and when a leg is already stored, the idempotent insert instead (in a savepoint, so the failed COPY
     * leaves nothing behind).
     */
    static int insert(Connection c, List<CdrLeg> plain, PersonalData personal) throws SQLException {
        List<CdrLeg> legs = new ArrayList<>(plain.size());
        List<String> indexes = new ArrayList<>(plain.size());
        for (CdrLeg leg : plain) {
            legs.add(CdrLegRows.sealed(personal, leg));
            indexes.add(CdrLegRows.numberIndex(personal, leg));
        }
        Savepoint beforeCopy = c.setSavepoint();
        try {
            long copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(
                    copyText(legs, indexes)));
            c.releaseSavepoint(beforeCopy);
            return Math.toIntExact(copied);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeCopy);
            return insertIgnoringStored(c, legs, indexes);
        } catch (IOException e) {
            throw new SQLException("COPY of " + legs.size() + " CDR legs failed: " + e.getMessage(), e);
        }
    }

    /**
     * The batch in COPY's text format: tab-separated, {@code \N} for null, backslash escapes; the legs as stored
     * (sealed), each followed by its number index.
     */
    static byte[] copyText(List<CdrLeg> legs, List<String> indexes) {
        StringBuilder text = new StringBuilder(legs.size() * 640);
        for (int row = 0; row < legs.size(); row++) {
            CdrLeg leg = legs.get(row);
            for (int col = 0; col <= COLUMNS.size(); col++) {
                if (col > 0) {
                    text.append('\t');
                }
                String value = col < COLUMNS.size() ? COLUMNS.get(col).value().apply(leg) : indexes.get(row);
                if (value == null) {
                    text.append("\\N");
                } else {
                    escape(text, value);
                }
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void escape(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }

    /** The idempotent insert: legs already stored are skipped. */
    static int insertIgnoringStored(Connection c, List<CdrLeg> legs, List<String> indexes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            String[] values = new String[legs.size()];
            Array[] arrays = new Array[COLUMNS.size() + 1];
            try {
                for (int col = 0; col < COLUMNS.size(); col++) {
                    Function<CdrLeg, String> value = COLUMNS.get(col).value();
                    for (int row = 0; row < values.length; row++) {
                        values[row] = value.apply(legs.get(row));
                    }
                    arrays[col] = c.createArrayOf("varchar", values);
                    ps.setArray(col + 1, arrays[col]);
                }
                arrays[COLUMNS.size()] = c.createArrayOf("varchar", indexes.toArray(new String[0]));
                ps.setArray(COLUMNS.size() + 1, arrays[COLUMNS.size()]);
                return ps.executeUpdate();
            } finally {
                for (Array array : arrays) {
                    if (array != null) {
                        array.free();
                    }
                }
            }
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static String ts(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private record Column(String type, Function<CdrLeg, String> value) {
    }
}
