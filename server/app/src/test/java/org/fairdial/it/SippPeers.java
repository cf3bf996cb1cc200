package org.fairdial.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The SIPp peers the integration tests use, started with the arguments each needs. */
final class SippPeers {
    private SippPeers() {
    }

    /** SIPp as the carrier and callee, on the dialer's trunk port, for {@code calls} calls. */
    static Sipp customer(Path dir, String name, TestDialer dialer, String scenario, int calls,
                         Map<String, String> vars) throws IOException {
        Sipp sipp = Sipp.start(dir, name, scenario, vars, Duration.ofSeconds(90), "-i", "127.0.0.1", "-p",
                Integer.toString(dialer.trunkPort), "-m", Integer.toString(calls), "-t", "u1");
        sipp.awaitListening(dialer.trunkPort);
        return sipp;
    }

    /**
     * SIPp as an agent's softphone: registers {@code agent} with {@code password}, answers the dialer's INVITEs
     * with {@code answerScenario} (media on {@code mediaPort}) for {@code holdMs}, then unregisters.
     */
    static Sipp agent(Path dir, TestDialer dialer, String agent, String password, String answerScenario,
                      int mediaPort, long holdMs) throws IOException {
        return agent(dir, dialer, agent, password, answerScenario, mediaPort, holdMs, Map.of());
    }

    /** The same, with more placeholders of {@code answerScenario} filled in. */
    static Sipp agent(Path dir, TestDialer dialer, String agent, String password, String answerScenario,
                      int mediaPort, long holdMs, Map<String, String> answerVars) throws IOException {
        Map<String, String> vars = new HashMap<>(Map.of("agent", agent, "media_port", Integer.toString(mediaPort)));
        vars.putAll(answerVars);
        Path ooc = Sipp.render(dir, "agent-" + agent + "-answer", answerScenario, vars);
        // The registration outlives the hold: a phone registered for a long run must not expire mid-run.
        long expires = Math.max(120, holdMs / 1000 + 60);
        vars.putAll(Map.of("expires", Long.toString(expires), "expected_final", "200", "hold_ms",
                Long.toString(holdMs)));
        int port = TestDialer.freePort();
        Sipp sipp = Sipp.start(dir, "agent-" + agent, "agent-register.xml", vars,
                Duration.ofMillis(holdMs).plusSeconds(60), "127.0.0.1:" + dialer.sipPort, "-i", "127.0.0.1",
                "-p", Integer.toString(port), "-m", "1", "-au", agent, "-ap", password, "-oocsf", ooc.toString());
        sipp.awaitListening(port);
        return sipp;
    }

    /**
     * SIPp flooding the dialer with new {@code method} requests (flood.xml) from loopback address {@code source}
     * at {@code rate} per second for {@code duration}, untraced.
     */
    static Sipp flood(Path dir, TestDialer dialer, String method, String source, int rate, Duration duration)
            throws IOException {
        String name = "flood-" + method.toLowerCase(java.util.Locale.ROOT) + "-" + source;
        long count = Math.max(1, rate * duration.toMillis() / 1000);
        return Sipp.startUntraced(dir, name, "flood.xml", Map.of("method", method),
                duration.plusSeconds(15), "127.0.0.1:" + dialer.sipPort, "-i", source, "-p", Integer.toString(TestDialer.freePort()), "-r",
                Integer.toString(rate), "-m", Long.toString(count), "-t", "u1", "-timeout",
                (duration.toSeconds() + 5) + "s");
    }
}
