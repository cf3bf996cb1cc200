package org.fairdial.storage;

import org.fairdial.ports.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.fairdial.ports.DoNotCallEntries;
import org.fairdial.ports.DoNotCallSource;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;

/**
 * The {@code do_not_call} table: the internal list (scope {@value #INTERNAL}) and entries for one campaign (scope =
 * campaign name). Read at the last moment before each call, so an entry added by an agent or an opt-out keypress
 * takes effect on the next dial, on every server sharing the store.
 */
public final class JdbcDoNotCallRepository implements DoNotCallEntries {
    static final String NUMBER = "do_not_call.number";
    private final DataSource dataSource;
    private final NumberMask mask;
    private final PersonalData personal;

    /** Numbers in error messages masked as by default ({@link NumberMask#DEFAULT}). */
    public JdbcDoNotCallRepository(DataSource dataSource) {
        this(dataSource, NumberMask.DEFAULT);
    }

    /** Numbers in error messages masked by {@code mask}, the server's logging setting. */
    public JdbcDoNotCallRepository(DataSource dataSource, NumberMask mask) {
        this(dataSource, mask, PersonalData.PLAINTEXT);
    }

    /** On {@code database}, numbers kept as it says ({@link Database#personalData()}). */
    public JdbcDoNotCallRepository(Database database, NumberMask mask) {
        this(database.dataSource(), mask, database.personalData());
    }

    /** Numbers kept as {@code personal} says: by their blind index, encrypted beside it, when encryption is on. */
    public JdbcDoNotCallRepository(DataSource dataSource, NumberMask mask, PersonalData personal) {
        this.dataSource = dataSource;
        this.mask = mask;
        this.personal = personal;
    }

    /** Adds the number to the scope; returns false if it was already there (the first entry is kept). */
    public boolean add(String number, String scope, DoNotCallSource source, String note, Instant at) {
        Objects.requireNonNull(source, "source");
        String sql = "INSERT INTO do_not_call (number, scope, source, note, added_at, number_enc)"
                + " SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
                + " CAST(? AS TIMESTAMP(3) WITH TIME ZONE), CAST(? AS VARCHAR)"
                + " WHERE NOT EXISTS (SELECT 1 FROM do_not_call WHERE number = ? AND scope = ?)";
        String index = personal.index(number);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, index);
            ps.setString(2, scope);
            ps.setString(3, source.name());
            ps.setString(4, note);
            SqlValues.setInstant(ps, 5, at);
            ps.setString(6, SealedColumns.beside(personal, NUMBER, number));
            ps.setString(7, index);
            ps.setString(8, scope);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw StoreErrors.of("Cannot add " + mask.mask(number) + " to do-not-call scope " + scope, e, mask);
        }
    }

    /** Removes the number from the scope (a callee who asks to be called again); returns whether it was there. */
    public boolean remove(String number, String scope) {
        String sql = "DELETE FROM do_not_call WHERE number = ? AND scope = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, personal.index(number));
            ps.setString(2, scope);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot remove " + mask.mask(number) + " from do-not-call", e, mask);
        }
    }

    /**
     * The scope that bars the campaign from calling the number: {@value #INTERNAL} for the internal list, the
     * campaign's name for its own entries, or null.
     */
    public String find(String number, String campaign) {
        return find(number, number, campaign);
    }

    /**
     * As {@link #find(String, String)}, for a number stored in either of two forms: as it is, or (after a privacy
     * erasure of someone who opted out) as its one-way hash.
     */
    public String find(String number, String hashedForm, String campaign) {
        String sql = "SELECT scope FROM do_not_call WHERE number IN (?, ?) AND scope IN (?, ?) ORDER BY scope";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, personal.index(number));
            ps.setString(2, personal.index(hashedForm));
            ps.setString(3, INTERNAL);
            ps.setString(4, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot check do-not-call for " + mask.mask(number), e, mask);
        }
    }

    /** Every entry of the internal list and of the campaign's own, streamed (the internal list may be large). */
    @Override
    public void forEachBarring(String campaign, Consumer<String> entries) {
        String sql = "SELECT number, number_enc FROM do_not_call WHERE scope IN (?, ?)";
        try (Connection c = dataSource.getConnection()) {
            Streaming.query(c, sql, ps -> {
                ps.setString(1, INTERNAL);
                ps.setString(2, campaign);
            }, rs -> entries.accept(SealedColumns.read(personal, NUMBER, rs.getString(1), rs.getString(2))));
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read the do-not-call entries of campaign " + campaign, e, mask);
        }
    }
}
