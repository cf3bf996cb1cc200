package org.fairdial.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;

/**
 * Brings every personal value in the store to what a write today would leave (docs/operations.md, "Rotating the
 * data keys"): envelopes of an older key re-encrypted with the current one, and, after encryption was turned on
 * over a store that held numbers in clear, those numbers replaced by their blind index with the envelope beside it.
 * Walks each table once in key order, in batches of bounded size, one transaction per batch, so it can run on a
 * live store and be stopped and run again at any point (a row it has done is skipped).
 */
public final class KeyRotation {
    private final DataSource dataSource;
    private final PersonalData personal;

    public KeyRotation(Database database) {
        this(database.dataSource(), database.personalData());
    }

    public KeyRotation(DataSource dataSource, PersonalData personal) {
        if (!personal.enabled()) {
            throw new IllegalArgumentException("key rotation needs dialer.privacy.encryption.enabled = true");
        }
        this.dataSource = dataSource;
        this.personal = personal;
    }

    /**
     * A personal column: sealed in place, an index with (or without, when {@code sealedBeside} is null) its
     * envelope beside it, or an index derived from another column's plaintext.
     */
    private record Column(String name, Kind kind, String sealedBeside, String derivedFrom) {
        static Column sealed(String name) {
            return new Column(name, Kind.SEALED, null, null);
        }

        static Column indexed(String name, String sealedBeside) {
            return new Column(name, Kind.INDEXED, sealedBeside, null);
        }
    }

    private enum Kind { SEALED, INDEXED, DERIVED }

    /** A table: its primary key (walk order) and its personal columns; purposes are {@code table.column}. */
    private record Table(String name, List<String> key, List<Column> columns) {
    }

    /** Every personal column of the store (migration V30); the repositories write them with the same purposes. */
    static final List<Table> TABLES = List.of(
            new Table("cdr_leg", List.of("leg_id"), List.of(Column.sealed("lead_id"), Column.sealed("dialed_number"),
                    Column.sealed("normalized_number"), Column.sealed("from_uri"), Column.sealed("to_uri"),
                    new Column("number_index", Kind.DERIVED, null, "normalized_number"))),
            new Table("lead_state", List.of("campaign", "lead_id"), List.of(Column.indexed("lead_id", "lead_id_enc"),
                    Column.indexed("number", "number_enc"))),
            new Table("campaign_lead", List.of("campaign", "lead_id"), List.of(
                    Column.indexed("lead_id", "lead_id_enc"), Column.indexed("number", "number_enc"),
                    Column.sealed("raw_number"), Column.sealed("name"), Column.sealed("fields"))),
            new Table("dial_denial", List.of("denial_id"), List.of(Column.indexed("number", "number_enc"),
                    Column.sealed("lead_id"))),
            new Table("dial_attempt", List.of("attempt_id"), List.of(Column.indexed("number", null),
                    Column.sealed("lead_id"))),
            new Table("number_abandon", List.of("number"), List.of(Column.indexed("number", null))),
            new Table("do_not_call", List.of("number", "scope"), List.of(Column.indexed("number", "number_enc"))));

    /** Rows rewritten per table. */
    public record Result(Map<String, Long> rewritten) {
        public long total() {
            return rewritten.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Rewrites every row that is not current, {@code batchSize} rows per transaction. */
    public Result rotate(int batchSize) {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batch size must be 1..100000: " + batchSize);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table t : TABLES) {
            counts.put(t.name(), rotate(t, batchSize));
        }
        return new Result(counts);
    }

    /**
     * Rows per table that still hold a number in clear in a column the store looks up: until {@link #rotate}
     * has run, the blind-index lookups do not find them, so the server refuses to start over them.
     */
    public Map<String, Long> plaintextRows() {
        Map<String, Long> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (Table t : TABLES) {
                List<String> clear = new ArrayList<>();
                for (Column col : t.columns()) {
                    if (col.kind() != Kind.SEALED) {
                        clear.add("(" + col.name() + " IS NOT NULL AND " + col.name() + " NOT LIKE 'ix1:%' AND "
                                + col.name() + " NOT LIKE 'hash:%')");
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t.name() + " WHERE "
                        + String.join(" OR ", clear)); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        found.put(t.name(), rs.getLong(1));
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot look for numbers in clear", e, NumberMask.HIDDEN);
        }
    }

    /**
     * The lookup tables (do-not-call, lead states and lists, abandon history) that hold blind-index values: with
     * encryption off such rows are never found by number, a do-not-call entry among them, so nothing may run over
     * them in clear. Stops at the first row of each table; the large history tables (CDRs, attempts) are not read.
     */
    public static List<String> tablesKeyedByIndex(DataSource dataSource) {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String[] t : new String[][] {{"do_not_call", "number"}, {"lead_state", "number"},
                    {"campaign_lead", "number"}, {"number_abandon", "number"}}) {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + t[0] + " WHERE " + t[1]
                        + " LIKE 'ix1:%' LIMIT 1"); ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        found.add(t[0]);
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot look for encrypted numbers", e, NumberMask.HIDDEN);
        }
    }

    private long rotate(Table t, int batchSize) {
        List<String> selected = new ArrayList<>(t.key());
        for (Column col : t.columns()) {
            for (String name : new String[] {col.name(), col.sealedBeside(), col.derivedFrom()}) {
                if (name != null && !selected.contains(name)) {
                    selected.add(name);
                }
            }
        }
        String keys = String.join(", ", t.key());
        String select = "SELECT " + String.join(", ", selected) + " FROM " + t.name() + " WHERE (" + keys
                + ") > (" + marks(t.key().size()) + ") ORDER BY " + keys + " LIMIT " + batchSize;
        String first = "SELECT " + String.join(", ", selected) + " FROM " + t.name() + " ORDER BY " + keys
                + " LIMIT " + batchSize;
        List<String> written = selected.stream().filter(n -> isColumn(t, n)).toList();
        String update = "UPDATE " + t.name() + " SET " + String.join(" = ?, ", written) + " = ? WHERE "
                + String.join(" = ? AND ", t.key()) + " = ?";
        long rewritten = 0;
        Object[] after = null;
        try {
            while (true) {
                Object[] start = after;
                List<Object[]> changed = new ArrayList<>();
                Object[][] last = {null};
                int read = SqlValues.inTransaction(dataSource, c -> {
                    int rows = 0;
                    try (PreparedStatement ps = c.prepareStatement(start == null ? first : select)) {
                        if (start != null) {
                            for (int i = 0; i < start.length; i++) {
                                ps.setObject(i + 1, start[i]);
                            }
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rows++;
                                Map<String, Object> row = new LinkedHashMap<>();
                                for (int i = 0; i < selected.size(); i++) {
                                    row.put(selected.get(i), rs.getObject(i + 1));
                                }
                                Object[] key = t.key().stream().map(row::get).toArray();
                                last[0] = key;
                                Map<String, Object> now = current(t, row);
                                if (!now.equals(row)) {
                                    Object[] values = new Object[written.size() + key.length];
                                    for (int i = 0; i < written.size(); i++) {
                                        values[i] = now.get(written.get(i));
                                    }
                                    System.arraycopy(key, 0, values, written.size(), key.length);
                                    changed.add(values);
                                }
                            }
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(update)) {
                        for (Object[] values : changed) {
                            for (int i = 0; i < values.length; i++) {
                                ps.setObject(i + 1, values[i]);
                            }
                            ps.addBatch();
                        }
                        if (!changed.isEmpty()) {
                            ps.executeBatch();
                        }
                    }
                    return rows;
                });
                rewritten += changed.size();
                if (read < batchSize) {
                    return rewritten;
                }
                after = last[0];
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot re-encrypt table " + t.name(), SqlValues.rootCause(e), NumberMask.HIDDEN);
        }
    }

    private static boolean isColumn(Table t, String name) {
        return t.columns().stream().anyMatch(c -> name.equals(c.name()) || name.equals(c.sealedBeside()));
    }

    /** The row as a write today would leave it. */
    private Map<String, Object> current(Table t, Map<String, Object> row) {
        Map<String, Object> now = new LinkedHashMap<>(row);
        for (Column col : t.columns()) {
            String purpose = t.name() + "." + col.name();
            String value = (String) row.get(col.name());
            switch (col.kind()) {
                case SEALED -> {
                    if (!personal.isCurrent(value)) {
                        now.put(col.name(), personal.seal(purpose, personal.open(purpose, value)));
                    }
                }
                case INDEXED -> {
                    String beside = col.sealedBeside() == null ? null : (String) row.get(col.sealedBeside());
                    if (!personal.isIndexed(value)) {
                        now.put(col.name(), personal.index(value));
                        if (col.sealedBeside() != null) {
                            now.put(col.sealedBeside(), personal.seal(purpose, value));
                        }
                    } else if (beside != null && !personal.isCurrent(beside)) {
                        now.put(col.sealedBeside(), personal.seal(purpose, personal.open(purpose, beside)));
                    }
                }
                case DERIVED -> {
                    if (!personal.isIndexed(value)) {
                        String source = t.name() + "." + col.derivedFrom();
                        now.put(col.name(), personal.index(personal.open(source, (String) row.get(col.derivedFrom()))));
                    }
                }
            }
        }
        return now;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
