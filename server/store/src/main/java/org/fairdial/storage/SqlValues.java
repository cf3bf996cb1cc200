package org.fairdial.storage;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;

/**
 * JDBC conversions shared by the repositories. Instants travel as UTC {@link OffsetDateTime} (JDBC 4.2), which
 * both PostgreSQL and H2 map to TIMESTAMP WITH TIME ZONE without consulting the JVM's default zone; they are
 * truncated to milliseconds so a round trip returns the same value on both databases.
 */
final class SqlValues {

    private SqlValues() {
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        return getInstant(rs, rs.findColumn(column));
    }

    static Instant getInstant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static Long getLong(ResultSet rs, String column) throws SQLException {
        return getLong(rs, rs.findColumn(column));
    }

    static Long getLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static Double getDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    static Integer getInt(ResultSet rs, String column) throws SQLException {
        return getInt(rs, rs.findColumn(column));
    }

    static Integer getInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static void setEnum(PreparedStatement ps, int index, Enum<?> value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.name());
        }
    }

    static <E extends Enum<E>> E getEnum(ResultSet rs, String column, Class<E> type) throws SQLException {
        return getEnum(rs, rs.findColumn(column), type);
    }

    static <E extends Enum<E>> E getEnum(ResultSet rs, int column, Class<E> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** Rolls back after {@code failure}; a rollback that fails too (dead connection) is kept as suppressed. */
    /** Work done on one connection inside a transaction. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on a connection of {@code dataSource}: commits when it returns, rolls
     * back when it throws, and hands the connection back in auto-commit mode whether or not the pool would.
     */
    static <T> T inTransaction(DataSource dataSource, TransactionWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Binds one item's values to the statement's parameters. */
    @FunctionalInterface
    interface ItemBinder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    /** Runs {@code sql} once per item as one JDBC batch in one transaction: all items are written or none. */
    static <T> void batchInTransaction(DataSource dataSource, String sql, List<T> items, ItemBinder<T> binder)
            throws SQLException {
        inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (T item : items) {
                    binder.bind(ps, item);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The database's own complaint. A failed JDBC batch reports the first failing statement with its bound values
     * (phone numbers, URIs) in its message; the chained exception holds just the server's error, which is what an
     * operator needs and all that belongs in a log.
     */
    static SQLException rootCause(SQLException e) {
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            return e.getNextException();
        }
        return e;
    }
}
