package org.fairdial.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads a large result one row at a time on either database. PostgreSQL's driver fetches a whole result before
 * returning the first row unless auto-commit is off and a fetch size is set (then it uses a portal); H2 builds
 * the whole result too (spilling to disk past a row count that scales with the heap) unless the session runs
 * queries lazily.
 */
final class Streaming {
    static final int FETCH_SIZE = 1_000;

    private Streaming() {
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} on {@code c} and hands each row to {@code handler}; returns the row count. */
    static long query(Connection c, String sql, Binder binder, RowHandler handler) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        boolean autoCommit = c.getAutoCommit();
        if (postgres) {
            c.setAutoCommit(false);
        } else {
            lazy(c, true);
        }
        try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            binder.bind(ps);
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                    rows++;
                }
            }
            if (postgres) {
                c.commit();
            }
            return rows;
        } finally {
            if (postgres) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.setAutoCommit(autoCommit);
            } else {
                lazy(c, false);
            }
        }
    }

    private static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }
}
