package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call-path figures of the closing note, measured from the peers' side (SIPp's message timestamps and the
 * callees' RTP sockets), not from the server's own clock. Run by {@code scripts/call-path-benchmark}; skipped in
 * the normal test run.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@Timeout(300)
class CallPathBenchmarkIT {
    private static final int CALLS = 20;
    private static final Pattern MEDIA_PORT = Pattern.compile("m=audio (\\d+) ");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @Test
    void twentyAnswersAtOnce() throws Exception {
        List<String> report = new ArrayList<>();
        report.add("fairdial call-path benchmark, " + CALLS + " SIPp callees answering at once, loopback, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        abandonPhase(report);
        bridgePhase(report);
        Path out = Path.of("target", "benchmark", "call-path.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(line -> System.out.println("BENCH " + line));
    }

    private static String[] numbers(int base) {
        String[] numbers = new String[CALLS];
        for (int i = 0; i < CALLS; i++) {
            numbers[i] = "+3902990" + base + String.format("%02d", i);
        }
        return numbers;
    }

    /** Two rounds on one server: the first with cold (interpreted) code, as after a restart; then warm. */
    private void abandonPhase(List<String> report) throws Exception {
        Path phase = Files.createDirectories(dir.resolve("abandon"));
        String[] cold = numbers(10);
        String[] warm = numbers(11);
        String[] all = new String[2 * CALLS];
        System.arraycopy(cold, 0, all, 0, CALLS);
        System.arraycopy(warm, 0, all, CALLS, CALLS);
        try (TestDialer dialer = TestDialer.in(phase).leads(all).start();
             RtpPeer callees = RtpPeer.open(TestDialer.freeRange(4))) {
            abandonRound(report, phase, dialer, callees, cold, "cold");
            abandonRound(report, phase, dialer, callees, warm, "warm");
        }
    }

    private void abandonRound(List<String> report, Path phase, TestDialer dialer, RtpPeer callees, String[] numbers,
                              String label) throws Exception {
        {
            Sipp customer = SippPeers.customer(phase, "customers-" + label, dialer, "customer-answer-await-bye.xml",
                    CALLS,
                    Map.of("ring_ms", "1000", "bye_timeout_ms", "8000", "media_port", Integer.toString(callees.port())));
            for (String n : numbers) {
                assertTrue(dialer.campaign().dialNow(n).get());
            }
            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            Map<String, Instant> answered = new HashMap<>();
            Map<String, Instant> bye = new HashMap<>();
            Map<Integer, String> callByDialerPort = new HashMap<>();
            for (SippTrace.Message m : customer.messages()) {
                String callId = m.header("Call-ID");
                if (m.sent() && m.isResponse(200, "INVITE")) {
                    answered.putIfAbsent(callId, m.at());
                } else if (!m.sent() && m.isRequest("BYE")) {
                    bye.putIfAbsent(callId, m.at());
                } else if (!m.sent() && m.isRequest("INVITE")) {
                    Matcher port = MEDIA_PORT.matcher(m.text());
                    if (port.find()) {
                        callByDialerPort.put(Integer.parseInt(port.group(1)), callId);
                    }
                }
            }
            Map<String, Instant> firstRtp = new HashMap<>();
            for (RtpPeer.Packet p : callees.received()) {
                String callId = callByDialerPort.get(p.from().getPort());
                // an RTP port may have served a call of the previous round
                if (callId != null && answered.containsKey(callId)
                        && !p.at().isBefore(answered.get(callId).minusMillis(50))) {
                    firstRtp.putIfAbsent(callId, p.at());
                }
            }
            Figures toBye = new Figures("answer -> BYE (no agent, " + label + ")");
            Figures toRtp = new Figures("answer -> first RTP (" + label + ")");
            answered.forEach((callId, at) -> {
                toBye.add(Duration.between(at, bye.get(callId)).toNanos() / 1e6);
                toRtp.add(Duration.between(at, firstRtp.get(callId)).toNanos() / 1e6);
            });
            Instant firstAnswer = answered.values().stream().min(Instant::compareTo).orElseThrow();
            Instant lastAnswer = answered.values().stream().max(Instant::compareTo).orElseThrow();
            report.add(String.format("abandon phase, %s: %d answers within %d ms of each other", label, answered.size(),
                    Duration.between(firstAnswer, lastAnswer).toMillis()));
            report.add(toBye.toString());
            report.add(toRtp.toString());
            assertEquals(CALLS, toBye.size());
            assertTrue(toBye.max() <= 3000, "answer to BYE over 3 s: " + toBye);
        }
    }

    private void bridgePhase(List<String> report) throws Exception {
        Path phase = Files.createDirectories(dir.resolve("bridge"));
        String[] numbers = numbers(20);
        TestDialer.Builder builder = TestDialer.in(phase).leads(numbers);
        StringBuilder injection = new StringBuilder("SEQUENTIAL\n");
        for (int i = 0; i < CALLS; i++) {
            builder.agent("2" + String.format("%03d", i), "pw-" + i);
            injection.append("2").append(String.format("%03d", i)).append(";pw-").append(i).append('\n');
        }
        Path agentsFile = phase.resolve("agents.csv");
        Files.writeString(agentsFile, injection);
        try (TestDialer dialer = builder.start();
             RtpPeer callees = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhones = RtpPeer.open(TestDialer.freeRange(4))) {
            Path ooc = Sipp.render(phase, "agents-answer", "agent-answer.xml",
                    Map.of("agent", "agent", "media_port", Integer.toString(agentPhones.port())));
            int agentPort = TestDialer.freePort();
            Sipp agents = Sipp.start(phase, "agents", "agents-register.xml", Map.of("hold_ms", "15000"),
                    Duration.ofSeconds(90), "127.0.0.1:" + dialer.sipPort, "-i", "127.0.0.1", "-p",
                    Integer.toString(agentPort), "-m", Integer.toString(CALLS), "-r", "50", "-inf",
                    agentsFile.toString(), "-oocsf", ooc.toString());
            TestDialer.await(CALLS + " agents available", Duration.ofSeconds(20),
                    () -> dialer.server.agents().availableCount() == CALLS);
            Sipp customer = SippPeers.customer(phase, "customers", dialer, "customer-answer-hangup.xml", CALLS,
                    Map.of("ring_ms", "1000", "talk_ms", "2000", "media_port", Integer.toString(callees.port())));
            for (String n : numbers) {
                assertTrue(dialer.campaign().dialNow(n).get());
            }
            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            List<CdrLeg> cdrs = dialer.awaitCdrs(2 * CALLS, Duration.ofSeconds(20));
            Map<String, Instant> answered = new HashMap<>();
            for (SippTrace.Message m : customer.messages()) {
                if (m.sent() && m.isResponse(200, "INVITE")) {
                    answered.putIfAbsent(m.header("Call-ID"), m.at());
                }
            }
            Map<String, Instant> agentInvite = new HashMap<>();
            for (SippTrace.Message m : agents.messages()) {
                if (!m.sent() && m.isRequest("INVITE")) {
                    agentInvite.putIfAbsent(user(m.header("From")), m.at());
                }
            }
            Figures toAgentInvite = new Figures("answer -> agent INVITE received");
            Figures toBridged = new Figures("answer -> bridged (CDR bridged_at)");
            for (CdrLeg leg : cdrs) {
                if (leg.kind() != LegKind.CUSTOMER) {
                    continue;
                }
                Instant ok = answered.get(leg.sipCallId());
                toAgentInvite.add(Duration.between(ok, agentInvite.get(leg.normalizedNumber())).toNanos() / 1e6);
                toBridged.add(Duration.between(ok, leg.bridgedAt()).toNanos() / 1e6);
            }
            report.add(String.format("bridge phase: %d agents registered (SIPp), %d callees", CALLS, CALLS));
            report.add(toAgentInvite.toString());
            report.add(toBridged.toString());
            assertEquals(CALLS, toBridged.size());
            agents.close();
        }
    }

    private static String user(String nameAddr) {
        Matcher m = Pattern.compile("sip:([^@;>]+)@").matcher(nameAddr);
        return m.find() ? m.group(1) : nameAddr;
    }
}
