package org.fairdial.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.sip.SipTraffic;

/**
 * One round of legitimate traffic, with or without a flood: SIPp agents register and refresh their registrations,
 * a SIPp carrier answers a first batch of calls that are bridged to them and, once the agents have unregistered,
 * a second batch that is abandoned (the dialer must hang up within 3 s of the answer). Meanwhile SIPp floods
 * REGISTER, OPTIONS and INVITE from other loopback addresses at {@code floodRate} requests per second in all.
 * Shared by {@link SipOverloadIT} (bounded, in the suite) and its benchmark.
 */
final class OverloadRound {
    /** What a round measured. */
    record Result(int bridgeCalls, int bridged, int abandonCalls, Figures answerToBye, int agents,
                  int fewestRegistered, boolean agentsKeptRegistered, long shed, long shedPriority, long floodSent,
                  String retryAfterSeen, String carrierFailure) {
        String line(String label) {
            return String.format("%s: %d/%d calls bridged (%.0f%%), agents registered throughout %s (fewest %d/%d),"
                            + " %d abandoned calls, %s, %d flood requests sent, %d answered 503 (%d of them to agents"
                            + " or the trunk)%s", label, bridged, bridgeCalls, 100.0 * bridged / bridgeCalls,
                    agentsKeptRegistered ? "yes" : "NO", fewestRegistered, agents, abandonCalls, answerToBye,
                    floodSent, shed, shedPriority, retryAfterSeen == null ? "" : ", a REGISTER probe 1 s into the flood got " + retryAfterSeen)
                    + (carrierFailure == null ? "" : "; " + carrierFailure);
        }
    }

    private OverloadRound() {
    }

    /**
     * Runs a round on {@code dialer}, whose agents are {@code agentIds} (password "pw-" + id) and whose leads
     * include {@code bridgeNumbers} and {@code abandonNumbers}.
     */
    static Result run(Path dir, TestDialer dialer, List<String> agentIds, List<String> bridgeNumbers,
                      List<String> abandonNumbers, int floodRate, Duration refreshEvery, Duration floodFor)
            throws Exception {
        Files.createDirectories(dir);
        StringBuilder injection = new StringBuilder("SEQUENTIAL\n");
        agentIds.forEach(id -> injection.append(id).append(";pw-").append(id).append('\n'));
        Path agentsFile = dir.resolve("agents.csv");
        Files.writeString(agentsFile, injection);
        long shedBefore = dialer.server.sip().overloadCounts().shed();
        long priorityBefore = dialer.server.sip().overloadCounts().shedPriority();
        List<Sipp> floods = new ArrayList<>();
        try (RtpPeer callees = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhones = RtpPeer.open(TestDialer.freeRange(4))) {
            Path ooc = Sipp.render(dir, "agents-answer", "agent-answer.xml",
                    Map.of("agent", "agent", "media_port", Integer.toString(agentPhones.port())));
            int agentPort = TestDialer.freePort();
            Sipp agents = Sipp.start(dir, "agents", "agents-register-refresh.xml",
                    Map.of("refresh_ms", Long.toString(refreshEvery.toMillis())),
                    refreshEvery.multipliedBy(4).plusSeconds(60), "127.0.0.1:" + dialer.sipPort, "-i", "127.0.0.1",
                    "-p", Integer.toString(agentPort), "-m", Integer.toString(agentIds.size()), "-r", "50", "-inf",
                    agentsFile.toString(), "-oocsf", ooc.toString());
            TestDialer.await(agentIds.size() + " agents available", Duration.ofSeconds(20),
                    () -> dialer.server.agents().availableCount() == agentIds.size());
            // they unregister 4 refresh intervals after registering: watch until shortly before
            long watchUntil = System.nanoTime() + refreshEvery.multipliedBy(4).minusMillis(1000).toNanos();
            AtomicInteger fewest = new AtomicInteger(agentIds.size());
            if (floodRate > 0) {
                int register = floodRate / 2;
                int other = (floodRate - register) / 2;
                floods.add(SippPeers.flood(dir, dialer, "REGISTER", "127.0.0.2", register, floodFor));
                floods.add(SippPeers.flood(dir, dialer, "OPTIONS", "127.0.0.3", other, floodFor));
                floods.add(SippPeers.flood(dir, dialer, "INVITE", "127.0.0.4", floodRate - register - other,
                        floodFor));
                Thread.sleep(1000); // let the flood build up before the calls
            }
            String retryAfter = floodRate > 0 ? probeRegister(dialer.sipPort) : null;
            Sipp bridgeCustomers = SippPeers.customer(dir, "customers-bridged", dialer, "customer-answer-hangup.xml",
                    bridgeNumbers.size(), Map.of("ring_ms", "1000", "talk_ms", "2000",
                            "media_port", Integer.toString(callees.port())));
            for (String n : bridgeNumbers) {
                dialer.campaign().dialNow(n).get();
            }
            watchRegistered(dialer, fewest, () -> bridgeCustomers.alive(), watchUntil);
            int bridgeExit = bridgeCustomers.await(Duration.ofSeconds(60));
            // the agents refresh, then unregister: what is dialed next finds no agent
            watchRegistered(dialer, fewest, agents::alive, watchUntil);
            int agentsExit = agents.await(refreshEvery.multipliedBy(4).plusSeconds(30));
            Sipp abandonCustomers = SippPeers.customer(dir, "customers-abandoned", dialer,
                    "customer-answer-await-bye.xml", abandonNumbers.size(), Map.of("ring_ms", "1000",
                            "bye_timeout_ms", "8000", "media_port", Integer.toString(callees.port())));
            for (String n : abandonNumbers) {
                dialer.campaign().dialNow(n).get();
            }
            int abandonExit = abandonCustomers.await(Duration.ofSeconds(60));
            Figures toBye = answerToBye(abandonCustomers.messages());
            long shed = dialer.server.sip().overloadCounts().shed() - shedBefore;
            long priority = dialer.server.sip().overloadCounts().shedPriority() - priorityBefore;
            long floodSent = 0;
            for (Sipp flood : floods) {
                flood.await(floodFor.plusSeconds(20)); // it ends by itself after its count
                floodSent += sentBy(flood);
            }
            List<String> dialed = new ArrayList<>(bridgeNumbers);
            dialed.addAll(abandonNumbers);
            List<CdrLeg> cdrs = customerLegs(dialer, dialed);
            int bridged = (int) cdrs.stream().filter(c -> c.kind() == LegKind.CUSTOMER && c.bridgedAt() != null
                    && bridgeNumbers.contains(c.normalizedNumber())).count();
            String carrier = bridgeExit == 0 && abandonExit == 0 ? null : "carrier SIPp exits " + bridgeExit + " and "
                    + abandonExit + " (see " + dir + "/customers-*-errors.log)";
            return new Result(bridgeNumbers.size(), bridged, abandonNumbers.size(), toBye, agentIds.size(),
                    fewest.get(), agentsExit == 0, shed, priority, floodSent, retryAfter, carrier);
        } finally {
            for (Sipp flood : floods) {
                flood.close();
            }
        }
    }

    /**
     * Samples the registered agents every 100 ms while {@code running} and before {@code untilNanos}, keeping the
     * fewest seen.
     */
    private static void watchRegistered(TestDialer dialer, AtomicInteger fewest, java.util.function.BooleanSupplier
            running, long untilNanos) throws InterruptedException {
        while (running.getAsBoolean() && System.nanoTime() < untilNanos) {
            int registered = (int) dialer.server.agents().snapshot().stream().filter(a -> a.contact() != null)
                    .count();
            fewest.accumulateAndGet(registered, Math::min);
            Thread.sleep(100);
        }
    }

    /** The CDR rows once every dialed number has its customer leg (bridged or not), bounded. */
    private static List<CdrLeg> customerLegs(TestDialer dialer, List<String> dialed) throws InterruptedException {
        TestDialer.await("a customer CDR leg for each of " + dialed.size() + " calls", Duration.ofSeconds(30), () -> {
            dialer.server.flushCdrs(Duration.ofSeconds(2));
            return dialer.server.cdrs().recent(1000).stream().filter(c -> c.kind() == LegKind.CUSTOMER)
                    .map(CdrLeg::normalizedNumber).collect(java.util.stream.Collectors.toSet()).containsAll(dialed);
        });
        return dialer.server.cdrs().recent(1000);
    }

    /** answer (200 sent by the callee) to BYE received, per call. */
    private static Figures answerToBye(List<SippTrace.Message> messages) {
        Map<String, Instant> answered = new HashMap<>();
        Map<String, Instant> bye = new HashMap<>();
        for (SippTrace.Message m : messages) {
            String callId = m.header("Call-ID");
            if (m.sent() && m.isResponse(200, "INVITE")) {
                answered.putIfAbsent(callId, m.at());
            } else if (!m.sent() && m.isRequest("BYE")) {
                bye.putIfAbsent(callId, m.at());
            }
        }
        Figures toBye = new Figures("answer -> BYE (abandoned)");
        answered.forEach((callId, at) -> {
            Instant b = bye.get(callId);
            toBye.add(b == null ? Double.POSITIVE_INFINITY : Duration.between(at, b).toNanos() / 1e6);
        });
        return toBye;
    }

    /**
     * A REGISTER by hand from 127.0.0.5 (no agent, no trunk): the first line and Retry-After of what answers it,
     * e.g. "503 Retry-After: 5", or "no answer".
     */
    static String probeRegister(int sipPort) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.5", 0))) {
            socket.setSoTimeout(2000);
            String request = "REGISTER sip:127.0.0.1:" + sipPort + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.5:" + socket.getLocalPort() + ";branch=z9hG4bK-ovl-" + System.nanoTime()
                    + "\r\nMax-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=ovl\r\nTo: <sip:probe@127.0.0.1>\r\n"
                    + "Call-ID: ovl-" + System.nanoTime() + "@127.0.0.5\r\nCSeq: 1 REGISTER\r\n"
                    + "Contact: <sip:probe@127.0.0.5:" + socket.getLocalPort() + ">\r\nContent-Length: 0\r\n\r\n";
            byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sipPort));
            byte[] buffer = new byte[4096];
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
            } catch (SocketTimeoutException e) {
                return "no answer";
            }
            String response = new String(in.getData(), 0, in.getLength(), StandardCharsets.US_ASCII);
            String code = response.substring(8, Math.min(response.length(), 11));
            String retryAfter = response.lines().filter(l -> l.regionMatches(true, 0, "Retry-After:", 0, 12))
                    .findFirst().orElse("no Retry-After");
            return code + " " + retryAfter.trim();
        }
    }

    /** Requests a flood SIPp sent: the last "Total Calls created" of its screen (one request per call), else 0. */
    private static long sentBy(Sipp flood) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Total Calls created\\s+\\|\\s+\\|\\s+(\\d+)")
                .matcher(flood.diagnostics());
        long sent = 0;
        while (m.find()) {
            sent = Long.parseLong(m.group(1));
        }
        return sent;
    }

    /** A traffic listener counting responses sent, for the capacity measure. */
    static final class SentResponses implements SipTraffic {
        final AtomicLong count = new AtomicLong();

        @Override
        public void request(boolean sent, String method) {
        }

        @Override
        public void response(boolean sent, String method, int code) {
            if (sent) {
                count.incrementAndGet();
            }
        }
    }
}
