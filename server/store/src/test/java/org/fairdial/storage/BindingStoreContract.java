package org.fairdial.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairdial.agent.AgentBinding;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.agent.AgentState;
import org.fairdial.testkit.ManualTime;
import org.fairdial.config.AgentConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The V7 {@code agent_registration} table and the registry on top of it: a binding survives a restart until it
 * expires; refresh, unregister, expiry and removal of the account keep the table in step. Same tests on every
 * database.
 */
abstract class BindingStoreContract extends StoreTestSupport {
    private static final Instant T0 = TestLegs.T0;

    private JdbcBindingRepository repository;

    @BeforeEach
    void emptyTable() {
        StoreFixture.execute(dataSource(), "TRUNCATE TABLE agent_registration");
        repository = new JdbcBindingRepository(db());
    }

    @Test
    void migrationV7IsApplied() {
        assertEquals(1, StoreFixture.queryLong(dataSource(),
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '7' AND success"));
    }

    @Test
    void aBindingRoundTripsAndARefreshReplacesIt() {
        AgentBinding first = new AgentBinding("1001", "sip:1001@10.0.0.1:5062", "10.0.0.1", 5062, "udp",
                T0.plusSeconds(600), "reg-1@10.0.0.1", 2);
        repository.save(first);
        assertEquals(List.of(first), repository.all());
        AgentBinding refreshed = new AgentBinding("1001", "sip:1001@10.0.0.1:5070;transport=tcp", "10.0.0.1", 40123,
                "tcp", T0.plusSeconds(1200), "reg-1@10.0.0.1", 3);
        repository.save(refreshed);
        assertEquals(List.of(refreshed), repository.all());
    }

    @Test
    void unknownSourceAndIdsRoundTrip() {
        AgentBinding bare = AgentBinding.of("1002", "sip:1002@h", T0.plusMillis(1));
        repository.save(bare);
        assertEquals(List.of(bare), repository.all());
    }

    @Test
    void removeDeletesOnlyThatAgent() {
        repository.save(AgentBinding.of("1001", "sip:1001@h", T0));
        repository.save(AgentBinding.of("1002", "sip:1002@h", T0));
        repository.remove("1001");
        repository.remove("9999");
        assertEquals(List.of("1002"), repository.all().stream().map(AgentBinding::agentId).toList());
    }

    @Test
    void aRestartRestoresTheBindingsNotYetExpiredAndDropsTheOthers() {
        ManualTime time = new ManualTime(T0);
        AgentRegistry before = registry(time);
        before.registered(new AgentBinding("1001", "sip:1001@10.0.0.1:5062", "10.0.0.1", 5062, "udp",
                T0.plusSeconds(600), "a@h", 2));
        before.registered(AgentBinding.of("1002", "sip:1002@10.0.0.2:5062", T0.plusSeconds(30)));
        before.registered(AgentBinding.of("1003", "sip:1003@10.0.0.3:5062", T0.plusSeconds(600)));
        assertEquals(3, repository.all().size());

        // the dialer dies, and is started again a minute later, with 1003 no longer configured
        time.advance(Duration.ofSeconds(60));
        AgentRegistry after = new AgentRegistry(accounts("1001", "1002"), time, time);
        after.persistBindings(repository, Runnable::run);
        assertEquals(1, after.restoreBindings());

        assertEquals(AgentState.AVAILABLE, state(after, "1001"));
        assertEquals("sip:1001@10.0.0.1:5062", after.contactOf("1001"));
        assertEquals(AgentState.LOGGED_OUT, state(after, "1002"), "expired while the dialer was down");
        assertNull(after.contactOf("1002"));
        assertEquals(List.of("1001"), repository.all().stream().map(AgentBinding::agentId).toList());
        assertEquals("1001", after.reserve("spring").orElseThrow());
    }

    @Test
    void unregisterExpiryAndLogoutDeleteTheStoredBinding() {
        ManualTime time = new ManualTime(T0);
        AgentRegistry registry = registry(time);
        registry.registered(AgentBinding.of("1001", "sip:1001@h", T0.plusSeconds(600)));
        registry.registered(AgentBinding.of("1002", "sip:1002@h", T0.plusSeconds(30)));
        registry.registered(AgentBinding.of("1003", "sip:1003@h", T0.plusSeconds(600)));

        registry.unregistered("1001", "Expires: 0");
        time.advance(Duration.ofSeconds(31));
        registry.expireRegistrations();
        assertEquals(List.of("1003"), repository.all().stream().map(AgentBinding::agentId).toList());
        registry.logout("1003");
        assertEquals(List.of(), repository.all());
    }

    @Test
    void anAccountRemovedByAReloadLosesItsStoredBinding() {
        ManualTime time = new ManualTime(T0);
        AgentRegistry registry = registry(time);
        registry.registered(AgentBinding.of("1001", "sip:1001@h", T0.plusSeconds(600)));
        registry.registered(AgentBinding.of("1002", "sip:1002@h", T0.plusSeconds(600)));
        registry.updateAccounts(accounts("1002"));
        assertEquals(List.of("1002"), repository.all().stream().map(AgentBinding::agentId).toList());
    }

    private AgentRegistry registry(ManualTime time) {
        AgentRegistry registry = new AgentRegistry(accounts("1001", "1002", "1003"), time, time);
        registry.persistBindings(repository, Runnable::run);
        assertEquals(0, registry.restoreBindings());
        return registry;
    }

    private static Map<String, AgentConfig> accounts(String... ids) {
        Map<String, AgentConfig> accounts = new LinkedHashMap<>();
        for (String id : ids) {
            accounts.put(id, new AgentConfig(id, "Agent " + id, "0".repeat(32)));
        }
        return accounts;
    }

    private static AgentState state(AgentRegistry registry, String id) {
        return registry.snapshot().stream().filter(a -> a.id().equals(id)).map(AgentSnapshot::state).findFirst()
                .orElseThrow();
    }
}
