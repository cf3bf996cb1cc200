package org.fairdial.sip;

import org.fairdial.privacy.NumberMask;
import org.fairdial.call.CallTimeouts;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.auth.DigestMath;
import org.fairdial.call.CallEvent;
import org.fairdial.call.CallObserver;
import org.fairdial.call.CallPlan;
import org.fairdial.call.CallPorts;
import org.fairdial.call.CallSession;
import org.fairdial.call.CallStatus;
import org.fairdial.config.AgentConfig;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.config.SipConfig;
import org.fairdial.config.TrunkConfig;
import org.fairdial.testkit.FreePorts;
import org.fairdial.testkit.Repository;

/**
 * {@link JainSipSignalling} on its own, on a free loopback port, without the server around it: tests call the
 * {@link org.fairdial.call.CallSignalling} port as call control would and read back the {@link CallEvent}s the
 * adapter posted and the SIP traffic it counted.
 *
 * <p>Calls are {@link CallSession}s that are never started: a session stays NEW, where every event the SIP side
 * posts (Progress, Answered, Failed, Bye) is outside the transition table, so call control runs no effect of its
 * own and hands each event to its observer's {@code unexpected} hook, which records it here.
 */
final class SignallingHarness implements AutoCloseable {
    static final String REALM = "fairdial";
    static final Duration NONCE_LIFETIME = Duration.ofSeconds(30);
    static final Duration MIN_EXPIRES = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(10);

    final int port = FreePorts.udpAndTcp();
    final JainSipSignalling signalling;
    final AgentRegistry agents;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<Posted> events = new CopyOnWriteArrayList<>();
    private final List<Counted> traffic = new CopyOnWriteArrayList<>();
    private final CampaignConfig campaign;
    private final InstantSource clock;

    /** A dialer whose agents are {@code passwords} (user to clear password), on {@code clock}. */
    SignallingHarness(Map<String, String> passwords, InstantSource clock) throws Exception {
        this.clock = clock;
        SipConfig config = new SipConfig("127.0.0.1", port, Set.of("udp", "tcp"), "127.0.0.1", "fairdial-test",
                REALM, NONCE_LIFETIME, MIN_EXPIRES, Duration.ofHours(1), Duration.ofMinutes(10), 4);
        Map<String, AgentConfig> accounts = new java.util.HashMap<>();
        passwords.forEach((user, password) -> accounts.put(user, new AgentConfig(user, user,
                DigestMath.ha1(user, REALM, password))));
        agents = new AgentRegistry(accounts, clock, timers);
        campaign = DialerConfigLoader.load(Repository.file("config/dialer.conf")).campaigns().values().iterator()
                .next();
        signalling = new JainSipSignalling(config, null, agents, null, clock, NumberMask.DEFAULT);
        signalling.onTraffic(new SipTraffic() {
            @Override
            public void request(boolean sent, String method) {
                traffic.add(new Counted(Instant.now(), sent, method, 0));
            }

            @Override
            public void response(boolean sent, String method, int code) {
                traffic.add(new Counted(Instant.now(), sent, method, code));
            }
        });
        signalling.start("sip-test-" + port);
    }

    SignallingHarness() throws Exception {
        this(Map.of(), InstantSource.system());
    }

    /** A trunk on loopback {@code port}, UDP, with digest credentials or nulls. */
    static TrunkConfig trunk(int port, String transport, String username, String password) {
        return new TrunkConfig("fake", "127.0.0.1", port, transport, username, password, 10);
    }

    /** A call (never started, see the class comment) going out through {@code trunk}. */
    CallSession call(TrunkConfig trunk) {
        UUID id = UUID.randomUUID();
        CallPlan plan = new CallPlan(id, campaign, trunk, "lead-1", null, "+15550100", "+15550100", null);
        CallPorts ports = new CallPorts(signalling, null, null, null, new Recorder(), Runnable::run, timers, clock,
                new CallTimeouts(CallTimeouts.SIP_TRANSACTION, Duration.ZERO, Duration.ZERO), NumberMask.DEFAULT,
                (e164, optedOutOf, at) -> { });
        return new CallSession(plan, ports);
    }

    /** A minimal SDP offer (the adapter passes it through untouched). */
    static String offer() {
        return "v=0\r\no=fairdial 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }

    /** Events the adapter posted to {@code call}, in order. */
    List<CallEvent> events(CallSession call) {
        return events.stream().filter(p -> p.call == call).map(Posted::event).toList();
    }

    /** Waits (bounded) until an event matching {@code match} was posted to {@code call}; returns it. */
    <E extends CallEvent> E await(CallSession call, Class<E> type, Predicate<E> match, Duration timeout)
            throws TimeoutException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (Posted p : events) {
                if (p.call == call && type.isInstance(p.event) && match.test(type.cast(p.event))) {
                    return type.cast(p.event);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("no " + type.getSimpleName() + " within " + timeout + "; posted: "
                        + events(call));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    <E extends CallEvent> E await(CallSession call, Class<E> type, Duration timeout) throws TimeoutException,
            InterruptedException {
        return await(call, type, e -> true, timeout);
    }

    /** When the adapter first took in a response to {@code method} with a code in [from, to], or null. */
    Instant firstReceived(String method, int from, int to) {
        return traffic.stream().filter(c -> !c.sent && c.code >= from && c.code <= to && method.equals(c.method))
                .map(Counted::at).findFirst().orElse(null);
    }

    /** Responses to {@code method} with this code the adapter took in (retransmissions the stack absorbed excluded). */
    long received(String method, int code) {
        return traffic.stream().filter(c -> !c.sent && c.code == code && method.equals(c.method)).count();
    }

    /** Requests with this method the adapter sent. */
    long sent(String method) {
        return traffic.stream().filter(c -> c.sent && c.code == 0 && method.equals(c.method)).count();
    }

    @Override
    public void close() {
        signalling.close();
        timers.shutdownNow();
    }

    private final class Recorder implements CallObserver {
        @Override
        public void unexpected(CallSession call, CallStatus status, CallEvent event) {
            events.add(new Posted(call, event));
        }
    }

    private record Posted(CallSession call, CallEvent event) {
    }

    /** The requests the adapter sent, by method, in the order it sent them. */
    List<String> sentRequests() {
        return traffic.stream().filter(c -> c.sent && c.code == 0).map(Counted::method).toList();
    }

    private record Counted(Instant at, boolean sent, String method, int code) {
    }
}
