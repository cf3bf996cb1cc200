package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fairdial.cdr.Disposition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/** 500 malformed datagrams at the SIP port must not hurt: OPTIONS is still answered and a call still works. */
@Timeout(90)
class MalformedTrafficIT {
    private static final List<String> BROKEN = List.of(
            "INVITE sip:x@y SIP/2.0\r\n\r\n",
            "INVITE sip:x@y SIP/2.0\r\nVia: garbage\r\nFrom: <>\r\nTo: \r\nCall-ID:\r\nCSeq: x\r\n\r\n",
            "REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKx\r\nCSeq: 1 INVITE\r\n"
                    + "From: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: c\r\nMax-Forwards: 70\r\n"
                    + "Content-Length: 99999\r\n\r\n",
            "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:1\r\n\r\n",
            "OPTIONS sip:127.0.0.1 SIP/3.0\r\n\r\n",
            "BYE sip:nobody@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKq\r\n"
                    + "From: <sip:a@b>;tag=1\r\nTo: <sip:c@d>;tag=2\r\nCall-ID: unknown-dialog\r\nCSeq: 1 BYE\r\n"
                    + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n",
            "\0\0\0\0",
            "");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @Test
    void garbageIsDroppedAndTheServerKeepsWorking() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leads("+390299000020").start()) {
            long malformedBefore = dialer.server.sip().malformedMessages();
            Random random = new Random(42);
            try (DatagramSocket socket = new DatagramSocket()) {
                InetAddress target = InetAddress.getLoopbackAddress();
                for (int i = 0; i < 500; i++) {
                    byte[] data;
                    if (i % 3 == 0) {
                        data = new byte[1 + random.nextInt(1400)];
                        random.nextBytes(data);
                    } else {
                        data = BROKEN.get(i % BROKEN.size()).getBytes(StandardCharsets.ISO_8859_1);
                    }
                    socket.send(new DatagramPacket(data, data.length, target, dialer.sipPort));
                }
            }
            Sipp options = Sipp.start(dir, "options", "options.xml", Map.of(), Duration.ofSeconds(20),
                    "127.0.0.1:" + dialer.sipPort, "-i", "127.0.0.1", "-p", Integer.toString(TestDialer.freePort()),
                    "-m", "1");
            assertEquals(0, options.await(Duration.ofSeconds(20)), options::diagnostics);
            assertTrue(dialer.server.sip().malformedMessages() > malformedBefore, "malformed messages were counted");

            Sipp customer = SippPeers.customer(dir, "busy", dialer, "customer-reject.xml", 1,
                    Map.of("code", "486", "reason", "Busy Here", "q850", "17"));
            assertTrue(dialer.campaign().dialNow("+390299000020").get());
            assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
            assertEquals(Disposition.BUSY, dialer.awaitCdrs(1, Duration.ofSeconds(10)).get(0).disposition());
            SippSupport.assertNothingLeft(dialer);
        }
    }
}
