package org.fairdial.dialing;

import org.fairdial.privacy.NumberMask;
import org.fairdial.call.CallTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.agent.AgentState;
import org.fairdial.call.CallEvent;
import org.fairdial.call.CallPorts;
import org.fairdial.call.CallRegistry;
import org.fairdial.call.CallSession;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.config.AgentConfig;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.config.DispositionConfig;
import org.fairdial.config.PacingMode;
import org.fairdial.config.TrunkConfig;
import org.fairdial.dialing.dnc.DoNotCallLists;
import org.fairdial.testkit.ManualTime;
import org.fairdial.testkit.Repository;

/**
 * One dialer process for {@link CampaignRunnerTest}: a progressive campaign (the shipped example's, it-garante
 * rules) on a runner with real call control, agent registry and compliance gate, over a store the test owns and
 * fake SIP/RTP. Its clock, dialer thread and call threads move only when the test says so; a second fixture on
 * the same store is the dialer after a crash.
 */
final class DialerFixture {
    static final CampaignConfig CAMPAIGN = progressive(exampleCampaign());

    final ManualTime time;
    final InMemoryStore store;
    final FakeNetwork network = new FakeNetwork();
    final List<CdrLeg> cdrs = new ArrayList<>();
    final CallRegistry calls = new CallRegistry();
    final TrunkChannels trunk;
    final StoreHealth health;
    final AgentRegistry agents;
    final DialGate gate;
    final CampaignRunner runner;
    private final Deque<Runnable> callThreads = new ArrayDeque<>();

    DialerFixture(InMemoryStore store, Instant start, int channels, int maxPendingOutcomes, List<Lead> leads,
                  List<CdrLeg> recovered) {
        this(CAMPAIGN, store, start, channels, maxPendingOutcomes, leads, recovered);
    }

    DialerFixture(CampaignConfig campaign, InMemoryStore store, Instant start, int channels, int maxPendingOutcomes,
                  List<Lead> leads, List<CdrLeg> recovered) {
        this.store = store;
        this.time = new ManualTime(start);
        this.trunk = new TrunkChannels(new TrunkConfig("carrier", "127.0.0.1", 5070, "udp", null, null, channels));
        this.health = new StoreHealth(time);
        agents = new AgentRegistry(Map.of("1001", new AgentConfig("1001", "Alice", "0".repeat(32)),
                "1002", new AgentConfig("1002", "Bob", "1".repeat(32))), time, time);
        agents.registered("1001", "sip:1001@10.0.0.7:5062", start.plus(Duration.ofDays(1)));
        agents.registered("1002", "sip:1002@10.0.0.8:5062", start.plus(Duration.ofDays(1)));
        calls.bind(new CallPorts(network, agents, network, cdrs::add, calls, callThreads::add, time, time,
                new CallTimeouts(CallTimeouts.SIP_TRANSACTION, Duration.ZERO, Duration.ZERO), NumberMask.DEFAULT,
                (e164, optOutCampaign, at) -> { }));
        gate = new DialGate(new LeadBook(campaign, store, store), new DoNotCallLists(Map.of(), Map.of(), store),
                store, store, NumberMask.DEFAULT);
        runner = new CampaignRunner(campaign, trunk, agents, calls, gate, PacingFactory.create(campaign, store, start),
                health, maxPendingOutcomes, time, time);
        calls.addObserver(runner);
        runner.load(leads, recovered);
        settle();
    }

    /** Starts paced dialing and runs the first tick. */
    DialerFixture started() {
        runner.start();
        settle();
        return this;
    }

    /** Runs what the dialer and call threads have to do now, until nothing is left. */
    void settle() {
        do {
            while (!callThreads.isEmpty()) {
                callThreads.poll().run();
            }
            time.advance(Duration.ZERO);
        } while (!callThreads.isEmpty());
    }

    /** Lets {@code d} pass in ticks, everything settled at each. */
    void pass(Duration d) {
        for (Duration left = d; !left.isNegative() && !left.isZero(); left = left.minusMillis(50)) {
            time.advance(Duration.ofMillis(50));
            settle();
        }
    }

    /** The carrier answers every call in progress with 486 Busy Here. */
    void busyAll() {
        for (CallSession call : calls.live()) {
            call.post(new CallEvent.Failed(LegKind.CUSTOMER, 486, "Busy Here", 17));
        }
        settle();
    }

    List<AgentState> agentStates() {
        return agents.snapshot().stream().map(AgentSnapshot::state).toList();
    }

    List<CdrLeg> customerLegs() {
        return cdrs.stream().filter(l -> l.kind() == LegKind.CUSTOMER).toList();
    }

    static List<Lead> leads(int count) {
        List<Lead> leads = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String number = "+3902123456" + String.format("%02d", i);
            leads.add(new Lead(number, i + 1, number, number, "Lead " + i, ZoneId.of("Europe/Rome"),
                    null, Map.of()));
        }
        return leads;
    }

    /** The fixture's campaign with its dispositions' callbacks kept for the agent who set them, or not. */
    static CampaignConfig callbacks(boolean agentOnly) {
        CampaignConfig c = CAMPAIGN;
        DispositionConfig d = c.dispositions();
        return new CampaignConfig(c.name(), true, c.trunk(), c.leadsFile(), c.defaultRegion(), c.callerId(),
                c.profile(), c.prompt(), c.pacing(), c.dialRatio(), c.ringTimeout(), c.agentConnectTimeout(),
                c.wrapUp(), c.abandon(), c.rules(), c.leadColumns(), c.doNotCall(),
                new DispositionConfig(d.codes(), d.callbackDelay(), agentOnly));
    }

    /** The callee answers every call ringing, the reserved agent's phone answers, then the callee hangs up. */
    void talkAndHangUpAll() {
        for (CallSession call : calls.live()) {
            call.post(new CallEvent.Answered(LegKind.CUSTOMER, true));
        }
        settle();
        for (CallSession call : calls.live()) {
            call.post(new CallEvent.Answered(LegKind.AGENT, true));
        }
        settle();
        for (CallSession call : calls.live()) {
            call.post(new CallEvent.Bye(LegKind.CUSTOMER, 16));
        }
        settle();
    }

    private static CampaignConfig exampleCampaign() {
        try {
            return DialerConfigLoader.load(Repository.root().resolve("config/dialer.conf")).campaigns().get("spring");
        } catch (Exception e) {
            throw new IllegalStateException("config/dialer.conf must load: " + e.getMessage(), e);
        }
    }

    private static CampaignConfig progressive(CampaignConfig c) {
        return new CampaignConfig(c.name(), true, c.trunk(), c.leadsFile(), c.defaultRegion(), c.callerId(),
                c.profile(), c.prompt(), PacingMode.PROGRESSIVE, 1.0, c.ringTimeout(), c.agentConnectTimeout(),
                c.wrapUp(), c.abandon(), c.rules(), c.leadColumns(), c.doNotCall());
    }
}
