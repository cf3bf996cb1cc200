package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -HUP} to the real server in its own JVM, as an operator reloads it. Regression: the signal's
 * thread has no context class loader and every SIGHUP reload was refused, while the API reload of the same file
 * worked. Also: a reload that changes {@code log-visible-digits} changes the masking of the next log line (the
 * SIP wire log, at TRACE here, fed by a datagram from this test).
 */
@Timeout(120)
class SighupReloadIT {
    private static final String CALLER = "+390212345678";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void sighupAppliesAGoodFileAndRefusesABadOneNamingTheKey() throws Exception {
        TestDialer.Builder.Ports ports = TestDialer.in(dir).agent("1001", "pw-1001").leads("+390299000060")
                .extra("dialer.logging.levels { \"org.fairdial.sip.wire\" = TRACE }").writeConfig();
        String original = Files.readString(ports.file());
        Path log = dir.resolve("server.log");
        Process server = start(ports.file(), log);
        try {
            TestDialer.awaitPort(ports.sip());
            TestDialer.await("the server up", Duration.ofSeconds(30), () -> read(log).contains("dialer up"));
            options(ports.sip(), 1);
            awaitLog(log, "CSeq: 1 OPTIONS");
            assertTrue(read(log).contains("sip:***5678@"), "4 digits before the reload:\n" + read(log));

            Files.writeString(ports.file(), original + "\ndialer.agents.\"1002\".password = \"pw-1002\"\n"
                    + "dialer.privacy.log-visible-digits = 2\n");
            hangup(server);
            String applied = awaitLog(log, "configuration reloaded from");
            assertTrue(applied.contains("agents: +1002"), applied);
            assertTrue(applied.contains("dialer.privacy (logVisibleDigits)"), applied);
            options(ports.sip(), 2);
            // The request and our reply (logged once it is sent, so after the probe may already have read it).
            TestDialer.await("OPTIONS 2 and its reply in the server log", Duration.ofSeconds(30),
                    () -> read(log).split("CSeq: 2 OPTIONS", -1).length > 2);
            String afterReload = awaitLog(log, "CSeq: 2 OPTIONS");
            assertTrue(afterReload.contains("sip:***78@"), "2 digits after the reload:\n" + afterReload);

            Files.writeString(ports.file(), original + "\ndialer.campaigns.it.abandon.max-duration = 5s\n");
            hangup(server);
            String refused = awaitLog(log, "refused, the running configuration stays");
            assertTrue(refused.contains("dialer.campaigns.it.abandon.max-duration"), refused);

            String all = read(log);
            assertFalse(all.contains("Context class loader"), all);
            assertFalse(all.contains(CALLER.substring(3)), "a number in full in the log:\n" + all);
            server.destroy(); // SIGTERM
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "server still running");
            assertTrue(read(log).contains("dialer stopped"), "graceful stop after the reloads:\n" + read(log));
        } finally {
            server.destroyForcibly();
        }
    }

    /** The server from the test classpath, as {@code dialer run -c FILE}. */
    private Process start(Path config, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.fairdial.app.DialerCli", "run", "-c", config.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void hangup(Process server) throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(server.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -HUP failed");
    }

    /** An OPTIONS from a caller whose number the wire log must mask. */
    private static void options(int sipPort, int cseq) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = socket.getLocalPort();
            String message = "OPTIONS sip:" + CALLER + "@127.0.0.1:" + sipPort + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-sighup-" + cseq + "\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:" + CALLER + "@127.0.0.1:" + port + ">;tag=t" + cseq + "\r\n"
                    + "To: <sip:" + CALLER + "@127.0.0.1:" + sipPort + ">\r\n"
                    + "Call-ID: sighup-" + cseq + "@127.0.0.1\r\n"
                    + "CSeq: " + cseq + " OPTIONS\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sipPort));
        }
    }

    /** The log from the first line containing {@code marker} on, once it is there. */
    private static String awaitLog(Path log, String marker) throws InterruptedException {
        TestDialer.await("'" + marker + "' in the server log", Duration.ofSeconds(30),
                () -> read(log).contains(marker));
        String all = read(log);
        return all.substring(all.lastIndexOf('\n', all.indexOf(marker)) + 1);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
