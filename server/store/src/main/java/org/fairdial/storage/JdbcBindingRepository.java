package org.fairdial.storage;

import org.fairdial.ports.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.fairdial.agent.AgentBinding;
import org.fairdial.agent.BindingStore;

/** The {@code agent_registration} table (V7): one row per registered agent, replaced on each refresh. */
public final class JdbcBindingRepository implements BindingStore {

    private static final String COLUMNS =
            "agent_id, contact_uri, source_host, source_port, transport, expires_at, call_id, cseq";
    private static final String UPSERT_POSTGRES = "INSERT INTO agent_registration (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agent_id) DO UPDATE SET"
            + " contact_uri = EXCLUDED.contact_uri, source_host = EXCLUDED.source_host,"
            + " source_port = EXCLUDED.source_port, transport = EXCLUDED.transport,"
            + " expires_at = EXCLUDED.expires_at, call_id = EXCLUDED.call_id, cseq = EXCLUDED.cseq";
    /** H2's PostgreSQL mode has no ON CONFLICT DO UPDATE; its MERGE ... KEY is the atomic equivalent. */
    private static final String UPSERT_H2 = "MERGE INTO agent_registration (" + COLUMNS + ") KEY (agent_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final String upsert;

    public JdbcBindingRepository(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.upsert = postgres ? UPSERT_POSTGRES : UPSERT_H2;
    }

    public JdbcBindingRepository(Database database) {
        this(database.dataSource(), database.isPostgres());
    }

    @Override
    public List<AgentBinding> all() {
        String sql = "SELECT " + COLUMNS + " FROM agent_registration ORDER BY agent_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<AgentBinding> bindings = new ArrayList<>();
            while (rs.next()) {
                bindings.add(new AgentBinding(rs.getString("agent_id"), rs.getString("contact_uri"),
                        rs.getString("source_host"), rs.getInt("source_port"), rs.getString("transport"),
                        SqlValues.getInstant(rs, "expires_at"), rs.getString("call_id"), rs.getLong("cseq")));
            }
            return bindings;
        } catch (SQLException e) {
            throw new StoreException("Cannot load agent registrations: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(AgentBinding binding) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(upsert)) {
            ps.setString(1, binding.agentId());
            ps.setString(2, binding.contactUri());
            ps.setString(3, binding.sourceHost());
            ps.setInt(4, binding.sourcePort());
            ps.setString(5, binding.transport());
            SqlValues.setInstant(ps, 6, binding.expiresAt());
            ps.setString(7, binding.callId());
            ps.setLong(8, binding.cseq());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot save the registration of agent " + binding.agentId() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String agentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM agent_registration WHERE agent_id = ?")) {
            ps.setString(1, agentId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("Cannot delete the registration of agent " + agentId + ": " + e.getMessage(),
                    e);
        }
    }
}
