package org.fairdial.storage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.fairdial.cdr.CdrLeg;

/**
 * The PostgreSQL insert of a CDR batch: one statement whatever the batch size, each column sent as one array and
 * turned back into rows by {@code unnest}, with {@code ON CONFLICT DO NOTHING} keeping it idempotent on the leg id.
 * A JDBC batch costs a round trip (or, with {@code reWriteBatchedInserts}, a parse) per few rows; this costs one
 * per batch, which is what lets one writer thread sustain tens of thousands of legs per second. Values travel as
 * text arrays cast to the column types, so the statement needs no driver-specific array encoders.
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
            new Column("bigint", l -> str(l.rtpLost())));

    static final String SQL;

    static {
        StringBuilder select = new StringBuilder();
        for (Column column : COLUMNS) {
            select.append(select.length() == 0 ? "" : ", ").append("?::").append(column.type()).append("[]");
        }
        SQL = "INSERT INTO cdr_leg (" + CdrLegRows.COLUMNS + ") SELECT * FROM unnest(" + select
                + ") ON CONFLICT DO NOTHING";
        if (COLUMNS.size() != CdrLegRows.COLUMNS.split(",").length) {
            throw new AssertionError("PostgresCdrInsert and CdrLegRows disagree on the columns");
        }
    }

    private PostgresCdrInsert() {
    }

    /** Inserts the legs in one statement on {@code c} (the caller commits); returns how many were new. */
    static int insert(Connection c, List<CdrLeg> legs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            String[] values = new String[legs.size()];
            Array[] arrays = new Array[COLUMNS.size()];
            try {
                for (int col = 0; col < COLUMNS.size(); col++) {
                    Function<CdrLeg, String> value = COLUMNS.get(col).value();
                    for (int row = 0; row < values.length; row++) {
                        values[row] = value.apply(legs.get(row));
                    }
                    arrays[col] = c.createArrayOf("varchar", values);
                    ps.setArray(col + 1, arrays[col]);
                }
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
