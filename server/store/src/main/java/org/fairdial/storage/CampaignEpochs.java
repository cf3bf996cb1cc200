package org.fairdial.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.fairdial.compliance.CampaignEpoch;
import org.fairdial.privacy.NumberMask;

/**
 * The {@code campaign_epoch} table: the instant each campaign's regulatory windows count from, taken once. The
 * dialer and the compliance report both read it here, so they cannot anchor a window differently.
 */
final class CampaignEpochs {
    private static final String SELECT = "SELECT epoch FROM campaign_epoch WHERE campaign = ?";
    private static final String INSERT = "INSERT INTO campaign_epoch (campaign, epoch, recorded_at) VALUES (?, ?, ?)";
    private static final String UNIQUE_VIOLATION = "23505";

    private CampaignEpochs() {
    }

    /** INVITE time of the campaign's first customer leg still stored, or null. */
    static Instant firstCustomerLeg(DataSource dataSource, String campaign) {
        String sql = "SELECT MIN(created_at) FROM cdr_leg WHERE campaign = ? AND kind = 'CUSTOMER'";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return SqlValues.getInstant(rs, 1);
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot find the first leg of " + campaign, e, NumberMask.HIDDEN);
        }
    }

    /** The stored epoch of {@code campaign}, or null. */
    static Instant find(DataSource dataSource, String campaign) {
        try (Connection c = dataSource.getConnection()) {
            return select(c, campaign);
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot read the epoch of " + campaign, e, NumberMask.HIDDEN);
        }
    }

    /**
     * The stored epoch of {@code campaign}; when none is stored, {@link CampaignEpoch#of} {@code first} is stored
     * and returned. Two writers racing both get the one that was stored first.
     */
    static Instant take(DataSource dataSource, String campaign, Instant first, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            Instant stored = select(c, campaign);
            if (stored != null) {
                return stored;
            }
            Instant epoch = CampaignEpoch.of(first);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, campaign);
                SqlValues.setInstant(ps, 2, epoch);
                SqlValues.setInstant(ps, 3, now);
                ps.executeUpdate();
                return epoch;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(SqlValues.rootCause(e).getSQLState())) {
                    return select(c, campaign);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw StoreErrors.of("Cannot store the epoch of " + campaign, e, NumberMask.HIDDEN);
        }
    }

    private static Instant select(Connection c, String campaign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? SqlValues.getInstant(rs, 1) : null;
            }
        }
    }
}
