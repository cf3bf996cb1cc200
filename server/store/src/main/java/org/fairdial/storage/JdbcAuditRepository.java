package org.fairdial.storage;

import org.fairdial.ports.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;

/** The {@code admin_audit} table. Failures surface as {@link StoreException}. */
public final class JdbcAuditRepository {
    private static final String COLUMNS = "id, occurred_at, actor, role, action, status, remote, detail";

    /** An E.164 number in an action or a detail, as written or URL-encoded in a path ({@code %2B}). */
    private static final Pattern NUMBER = Pattern.compile("(?:\\+|%2[Bb])([1-9][0-9]{6,14})");

    private final DataSource dataSource;
    private final PersonalData personal;

    public JdbcAuditRepository(DataSource dataSource) {
        this(dataSource, PersonalData.PLAINTEXT);
    }

    /** On {@code database}: with encryption at rest on, numbers in the text are kept as their blind index. */
    public JdbcAuditRepository(Database database) {
        this(database.dataSource(), database.personalData());
    }

    public JdbcAuditRepository(DataSource dataSource, PersonalData personal) {
        this.dataSource = dataSource;
        this.personal = personal;
    }

    /**
     * The audit text as stored: with encryption on, each E.164 number in it replaced by its blind index, which
     * still links the entries about one number (and lets an erasure find them) but names no number.
     */
    String stored(String text) {
        if (text == null || !personal.enabled()) {
            return text;
        }
        return NUMBER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(personal.index("+" + m.group(1))));
    }

    public void insert(AuditEntry e) {
        String sql = "INSERT INTO admin_audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, e.id());
            SqlValues.setInstant(ps, 2, e.at());
            ps.setString(3, e.actor());
            ps.setString(4, e.role());
            ps.setString(5, stored(e.action()));
            ps.setInt(6, e.status());
            ps.setString(7, e.remote());
            ps.setString(8, stored(e.detail()));
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw StoreErrors.of("Cannot write audit entry " + e.action(), ex, NumberMask.HIDDEN);
        }
    }

    /** The {@code limit} latest entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        String sql = "SELECT " + COLUMNS + " FROM admin_audit ORDER BY occurred_at DESC, id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> entries = new ArrayList<>();
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getObject("id", UUID.class),
                            SqlValues.getInstant(rs, "occurred_at"), rs.getString("actor"), rs.getString("role"),
                            rs.getString("action"), rs.getInt("status"), rs.getString("remote"),
                            rs.getString("detail")));
                }
                return entries;
            }
        } catch (SQLException ex) {
            throw StoreErrors.of("Cannot read the audit trail", ex, NumberMask.HIDDEN);
        }
    }
}
