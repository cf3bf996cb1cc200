package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairdial.agent.AgentState;
import org.fairdial.auth.AuthLockouts;
import org.fairdial.sip.SipSecurityCounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP port against attackers (issue 10): a SIPp password guesser and svcrack locked out at the configured
 * count while the real agent registers from another address; scanner User-Agents answered by silence; svwar
 * finding no extension; no version in {@code Server}; an unsolicited INVITE refused with nothing allocated.
 */
@Timeout(180)
class SipSecurityIT {
    private static final Logger LOG = LoggerFactory.getLogger(SipSecurityIT.class);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    private Sipp registerOnce(TestDialer dialer, String name, String localIp, String user, String password,
                              int calls, String expectedFinal) throws IOException {
        return Sipp.start(dir, name, "agent-register-once.xml", Map.of("agent", user, "expected_final",
                        expectedFinal), Duration.ofSeconds(60), "127.0.0.1:" + dialer.sipPort, "-i", localIp, "-p",
                Integer.toString(TestDialer.freePort()), "-m", Integer.toString(calls), "-r", "4", "-l", "1",
                "-au", user, "-ap", password);
    }

    /** SHA-256 next to MD5 is opt-in: baresip 1.0 gives up on a 401 that carries two challenges. */
    private static final String BOTH_DIGESTS = "dialer.sip.security.digest-algorithms = [MD5, SHA-256]";

    @Test
    void guesserIsLockedOutAtTheCountWhileTheAgentFromAnotherAddressRegisters() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw")
                .extra("dialer.sip.security.lockout.user-failures = 10").start()) {
            java.time.Instant start = java.time.Instant.now();
            Sipp guesser = registerOnce(dialer, "guesser", "127.0.0.1", "1001", "wrong-pw", 15, "403");
            assertEquals(0, guesser.await(Duration.ofSeconds(60)), guesser::diagnostics);
            List<AuthLockouts.Lockout> active = dialer.server.sip().lockouts().active();
            assertEquals(1, active.size(), active::toString);
            AuthLockouts.Lockout lockout = active.get(0);
            assertEquals(AuthLockouts.Scope.USER_AT_SOURCE, lockout.scope());
            assertEquals("127.0.0.1", lockout.source());
            assertEquals("1001", lockout.user());
            assertEquals(10, lockout.failures());
            SipSecurityCounts counts = dialer.server.sip().securityCounts();
            assertEquals(10, counts.authFailures(), counts::toString);
            assertEquals(5, counts.refusedWhileLocked(), counts::toString);
            LOG.info("SIPp guesser: locked out after {} wrong passwords, {} ms after its first REGISTER",
                    lockout.failures(), Duration.between(start, lockout.since()).toMillis());

            Sipp rightFromGuesser = registerOnce(dialer, "right-from-guesser", "127.0.0.1", "1001", "right-pw", 1,
                    "403");
            assertEquals(0, rightFromGuesser.await(Duration.ofSeconds(30)), rightFromGuesser::diagnostics);
            assertEquals(AgentState.LOGGED_OUT, dialer.agentState("1001"), "the right password from the locked "
                    + "address gets the same 403");

            Sipp agent = registerOnce(dialer, "agent-elsewhere", "127.0.0.2", "1001", "right-pw", 1, "200");
            assertEquals(0, agent.await(Duration.ofSeconds(30)), agent::diagnostics);
            TestDialer.await("1001 registered from 127.0.0.2", Duration.ofSeconds(5),
                    () -> dialer.agentState("1001") == AgentState.AVAILABLE);

            assertEquals(1, dialer.server.sip().lockouts().clear("127.0.0.1", null).size());
            assertEquals(List.of(), dialer.server.sip().lockouts().active());
            Sipp afterClear = registerOnce(dialer, "after-clear", "127.0.0.1", "1001", "right-pw", 1, "200");
            assertEquals(0, afterClear.await(Duration.ofSeconds(30)), afterClear::diagnostics);
        }
    }

    @Test
    void scannersGetSilenceOthersAServerWithoutVersion() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw").start();
             DatagramSocket socket = probe()) {
            for (String scanner : List.of("friendly-scanner", "sipvicious 0.3.3", "SIPVicious")) {
                assertNull(exchange(socket, dialer, options(socket, "Scan-" + scanner.length(), scanner)),
                        scanner + " must get no answer");
            }
            String answer = exchange(socket, dialer, options(socket, "real", "Yealink SIP-T46S"));
            assertTrue(answer != null && answer.startsWith("SIP/2.0 200"), String.valueOf(answer));
            assertEquals("fairdial", header(answer, "Server"));
            assertEquals(3, dialer.server.sip().securityCounts().scannerDropped());
        }
    }

    @Test
    void unknownAndKnownUsersGetTheSameAnswers() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw").extra(BOTH_DIGESTS).start();
             DatagramSocket socket = probe()) {
            String known = exchange(socket, dialer, register(socket, "1001", "k"));
            String unknown = exchange(socket, dialer, register(socket, "9999", "u"));
            assertEquals(shape(known), shape(unknown));
            assertTrue(known.startsWith("SIP/2.0 401"), known);
            List<String> www = headers(known, "WWW-Authenticate");
            assertEquals(2, www.size(), known);
            assertTrue(www.get(0).contains("algorithm=MD5") && www.get(1).contains("algorithm=SHA-256"), known);
            // A wrong answer for the known user and any answer for the unknown one: both 403
            Sipp wrong = registerOnce(dialer, "wrong-known", "127.0.0.1", "1001", "nope", 1, "403");
            assertEquals(0, wrong.await(Duration.ofSeconds(30)), wrong::diagnostics);
            Sipp none = registerOnce(dialer, "wrong-unknown", "127.0.0.1", "9999", "nope", 1, "403");
            assertEquals(0, none.await(Duration.ofSeconds(30)), none::diagnostics);
        }
    }

    /** SIPVicious (Debian package sipvicious) on the PATH; its tests are skipped, visibly, without it. */
    private static void assumeSipvicious() throws InterruptedException {
        boolean found;
        try {
            Process p = new ProcessBuilder("svwar", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            found = p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            found = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(found, "sipvicious (svwar, svcrack) is not installed: "
                + "apt-get install sipvicious");
    }

    @Test
    void svwarFindsNoExtension() throws Exception {
        assumeSipvicious();
        for (String filter : List.of("", "dialer.sip.security.scanner-user-agents = []")) {
            try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw").agent("1005", "pw-1005")
                    .extra(filter).start()) {
                String out = run(Duration.ofSeconds(90), "svwar", "-e1000-1010", "-p", Integer.toString(
                        dialer.sipPort), "127.0.0.1");
                LOG.info("svwar ({}):\n{}", filter.isEmpty() ? "default" : "scanner filter off", out);
                assertFalse(out.contains("Name or service not known"), out);
                SipSecurityCounts counts = dialer.server.sip().securityCounts();
                if (filter.isEmpty()) {
                    // svwar probes once, hears nothing and gives up: "found nothing"
                    assertTrue(counts.scannerDropped() >= 1, counts::toString);
                } else {
                    assertEquals(0, counts.scannerDropped(), counts::toString);
                    String forced = run(Duration.ofSeconds(90), "svwar", "--force", "-e1000-1010", "-p",
                            Integer.toString(dialer.sipPort), "127.0.0.1");
                    LOG.info("svwar --force:\n{}", forced);
                    // every extension, account or not, answers alike: svwar has nothing to tell apart
                    assertEquals(List.of(), extensionsFound(forced), forced);
                }
                assertEquals(List.of(), extensionsFound(out), out);
            }
        }
    }

    /**
     * The scanned extensions svwar's table names. Under load svwar sometimes lists a garbled name from a response
     * it could not parse (seen: "rq"); only an extension of the scanned range would be a leak.
     */
    private static List<String> extensionsFound(String svwarOutput) {
        return svwarOutput.lines().map(l -> l.split("\\|")).filter(cells -> cells.length > 2)
                .map(cells -> cells[1].trim()).filter(x -> x.matches("10(0\\d|10)")).toList();
    }

    @Test
    void svcrackIsLockedOutBeforeTheRightPassword() throws Exception {
        assumeSipvicious();
        List<String> words = new ArrayList<>();
        for (String w : ("123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 "
                + "baseball abc123 football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang "
                + "1234567890 right-pw michael 654321 superman 1qaz2wsx 7777777").split(" ")) {
            words.add(w);
        }
        assertEquals(30, words.size());
        assertEquals(24, words.indexOf("right-pw"));
        Path wordlist = Files.write(dir.resolve("words.txt"), words);
        // Scanner filter and rate limit off, so what stops svcrack here is the lockout alone.
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw")
                .extra("dialer.sip.security { scanner-user-agents = [], rate-limit.register = 0 }").start()) {
            long start = System.nanoTime();
            java.time.Instant startedAt = java.time.Instant.now();
            String out = run(Duration.ofSeconds(120), "svcrack", "-u1001", "-d", wordlist.toString(), "-p",
                    Integer.toString(dialer.sipPort), "127.0.0.1");
            assertFalse(out.contains("Name or service not known"), out);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            LOG.info("svcrack ({} ms):\n{}", took, out);
            assertFalse(out.contains("right-pw"), out);
            List<AuthLockouts.Lockout> active = dialer.server.sip().lockouts().active();
            assertEquals(1, active.size(), active::toString);
            SipSecurityCounts counts = dialer.server.sip().securityCounts();
            assertEquals(10, counts.authFailures(), counts::toString);
            assertEquals(20, counts.refusedWhileLocked(), "every guess after the 10th, the right one included: "
                    + counts);
            LOG.info("svcrack: locked out after {} wrong guesses, {} ms after it started; {} guesses refused unheard;"
                    + " run {} ms", counts.authFailures(), Duration.between(startedAt, active.get(0).since()).toMillis(),
                    counts.refusedWhileLocked(), took);
        }
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw").start()) {
            String out = run(Duration.ofSeconds(60), "svcrack", "-u1001", "-d", wordlist.toString(), "-p",
                    Integer.toString(dialer.sipPort), "127.0.0.1");
            assertFalse(out.contains("Name or service not known"), out);
            assertFalse(out.contains("right-pw"), out);
            assertEquals(0, dialer.server.sip().securityCounts().authFailures(), "svcrack's User-Agent is dropped");
            assertTrue(dialer.server.sip().securityCounts().scannerDropped() > 0);
        }
    }

    @Test
    void unsolicitedInviteIsRefusedWithNothingAllocated() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw").start();
             DatagramSocket socket = probe()) {
            int rtpBefore = dialer.server.media().openLegs();
            String answer = exchange(socket, dialer, invite(socket));
            assertTrue(answer != null && answer.startsWith("SIP/2.0 403"), String.valueOf(answer));
            assertEquals(rtpBefore, dialer.server.media().openLegs(), "no media port for a call we refused");
            assertEquals(0, dialer.server.sip().openLegs());
            assertEquals(1, dialer.server.sip().securityCounts().unsolicitedInvites());
        }
    }

    @Test
    void trunkSha256ChallengeIsAnsweredWithSha256() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leads("+390299000031").trunkCredentials("trunk-user",
                "trunk-secret").start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp customer = SippPeers.customer(dir, "auth256", dialer, "customer-auth-sha256.xml", 1,
                    Map.of("bye_timeout_ms", "6000", "media_port", Integer.toString(callee.port())));
            assertTrue(dialer.campaign().dialNow("+390299000031").get());
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
            List<SippTrace.Message> invites = customer.messages().stream()
                    .filter(m -> !m.sent() && m.isRequest("INVITE")).toList();
            assertEquals(2, invites.size());
            String credentials = invites.get(1).header("Proxy-Authorization");
            assertTrue(credentials.contains("algorithm=SHA-256"), credentials);
            assertEquals("op1", DigestCheck.param(credentials, "opaque"), credentials);
            assertEquals(DigestCheck.expectedSha256("trunk-user", "carrier.test", "trunk-secret", "INVITE",
                    credentials), DigestCheck.param(credentials, "response"), credentials);
            SippSupport.assertNothingLeft(dialer);
        }
    }

    @Test
    void agentsRegisterOnlyFromTheirAllowList() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw")
                .extra("dialer.sip.security.agent-allow-from = [\"127.0.0.2/32\", \"2001:db8::/32\"]").start();
             DatagramSocket socket = probe()) {
            assertNull(exchange(socket, dialer, register(socket, "1001", "outside")), "127.0.0.1 is not listed");
            assertEquals(1, dialer.server.sip().securityCounts().notAllowed());
            String options = exchange(socket, dialer, options(socket, "outside-options", "Yealink"));
            assertTrue(options != null && options.startsWith("SIP/2.0 200"), "only agents' requests are fenced");
            Sipp agent = registerOnce(dialer, "agent-listed", "127.0.0.2", "1001", "right-pw", 1, "200");
            assertEquals(0, agent.await(Duration.ofSeconds(30)), agent::diagnostics);
            TestDialer.await("1001 registered from 127.0.0.2", Duration.ofSeconds(5),
                    () -> dialer.agentState("1001") == AgentState.AVAILABLE);
        }
    }

    @Test
    void agentRegistersWithSha256Digest() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw").extra(BOTH_DIGESTS).start();
             DatagramSocket socket = probe()) {
            String challenge = exchange(socket, dialer, register(socket, "1001", "sha"));
            String www = headers(challenge, "WWW-Authenticate").stream().filter(h -> h.contains("SHA-256"))
                    .findFirst().orElseThrow(() -> new AssertionError(challenge));
            String nonce = DigestCheck.param(www, "nonce");
            String uri = "sip:1001@127.0.0.1";
            String cnonce = "0a4f113b";
            String credentials = "Digest username=\"1001\", realm=\"fairdial\", nonce=\"" + nonce + "\", uri=\""
                    + uri + "\", algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"" + cnonce + "\"";
            String response = DigestCheck.expectedSha256("1001", "fairdial", "right-pw", "REGISTER", credentials);
            String ok = exchange(socket, dialer, register(socket, "1001", "sha", 2,
                    "Authorization: " + credentials + ", response=\"" + response + "\"\r\n"));
            assertTrue(ok != null && ok.startsWith("SIP/2.0 200"), String.valueOf(ok));
            TestDialer.await("1001 registered with SHA-256", Duration.ofSeconds(5),
                    () -> dialer.agentState("1001") == AgentState.AVAILABLE);
        }
    }

    @Test
    void aFloodFromOneSourceIsCutToItsRate() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "right-pw").start();
             DatagramSocket socket = probe()) {
            for (int i = 0; i < 60; i++) {
                byte[] bytes = options(socket, "flood" + i, "Yealink").getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), dialer.sipPort));
            }
            int answered = 0;
            byte[] buffer = new byte[65535];
            try {
                while (true) {
                    socket.receive(new DatagramPacket(buffer, buffer.length));
                    answered++;
                }
            } catch (SocketTimeoutException quiet) {
                // all answers in
            }
            long limited = dialer.server.sip().securityCounts().rateLimited();
            LOG.info("OPTIONS flood: 60 sent, {} answered, {} dropped by the rate limit", answered, limited);
            assertEquals(60, answered + limited, "every request answered or counted as dropped");
            assertTrue(answered >= 20 && answered <= 30, "burst 20 plus 10/s while sending: " + answered);
        }
    }

    private static DatagramSocket probe() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(1500);
        return socket;
    }

    /** Sends one request, returns the first final response (provisionals skipped), or null after silence. */
    private static String exchange(DatagramSocket socket, TestDialer dialer, String request) throws IOException {
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), dialer.sipPort));
        byte[] buffer = new byte[65535];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException silence) {
                return null;
            }
            String answer = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
            if (!answer.startsWith("SIP/2.0 1")) {
                return answer;
            }
        }
    }

    private static String head(DatagramSocket socket, String method, String user, String callId) {
        int port = socket.getLocalPort();
        return method + " sip:" + user + "@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK" + callId + System.nanoTime() + "\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=" + callId + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "@probe\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + port + ">\r\n"
                + "Max-Forwards: 70\r\n";
    }

    private static String options(DatagramSocket socket, String callId, String userAgent) {
        return head(socket, "OPTIONS", "100", callId) + "User-Agent: " + userAgent + "\r\nContent-Length: 0\r\n\r\n";
    }

    private static String register(DatagramSocket socket, String user, String callId) {
        return register(socket, user, callId, 1, "");
    }

    private static String register(DatagramSocket socket, String user, String callId, int cseq, String extra) {
        return head(socket, "REGISTER", user, callId).replace("CSeq: 1 ", "CSeq: " + cseq + " ")
                + "Expires: 60\r\nUser-Agent: Yealink\r\n" + extra + "Content-Length: 0\r\n\r\n";
    }

    private static String invite(DatagramSocket socket) {
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        return head(socket, "INVITE", "+390212345678", "inv") + "User-Agent: Yealink\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    private static List<String> headers(String message, String name) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(message);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static String header(String message, String name) {
        List<String> values = headers(message, name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The status line and header names, in order, with nonces, tags and ids taken out. */
    private static List<String> shape(String response) {
        List<String> shape = new ArrayList<>();
        for (String line : response.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            shape.add(line.replaceAll("nonce=\"[^\"]*\"", "nonce").replaceAll("tag=[^;\\s]*", "tag")
                    .replaceAll("(?i)^(Via|From|To|Call-ID|CSeq|Contact|Date):.*", "$1"));
        }
        return shape;
    }

    private String run(Duration limit, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of("timeout", "-k", "5", Long.toString(limit.toSeconds())));
        full.addAll(List.of(command));
        Path log = dir.resolve(command[0] + "-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                        .toFile())).start();
        p.waitFor(limit.toSeconds() + 10, TimeUnit.SECONDS);
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
