package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "RTP bleed": while an abandoned call plays its treatment to a callee that never sends RTP, a socket on
 * 127.0.0.5 sprays valid RTP at every port of the dialer's range. Before the strict latch the first sprayed packet
 * re-pointed the leg and the attacker got the call's audio; now it gets nothing, and the drops are counted.
 */
@Timeout(120)
class RtpSprayIT {
    private static final Logger LOG = LoggerFactory.getLogger(RtpSprayIT.class);
    private static final String NUMBER = "+390299000031";
    private static final Pattern RANGE = Pattern.compile("rtp-port-min = (\\d+), rtp-port-max = (\\d+)");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @AfterEach
    void everyAgentCameBack() {
        TestDialer.assertNoStrandedAgents();
    }

    @Test
    void sprayedRtpFromAnotherAddressGetsNothingBack() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leads(NUMBER).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             DatagramSocket attacker = new DatagramSocket(new InetSocketAddress("127.0.0.5", 0))) {
            Matcher range = RANGE.matcher(Files.readString(dialer.configFile));
            assertTrue(range.find(), "the test config names its RTP range");
            int min = Integer.parseInt(range.group(1));
            int max = Integer.parseInt(range.group(2));
            attacker.setSoTimeout(50);
            AtomicBoolean spraying = new AtomicBoolean(true);
            AtomicLong sprayed = new AtomicLong();
            AtomicLong leaked = new AtomicLong();
            Thread listener = new Thread(() -> {
                byte[] buffer = new byte[2048];
                while (spraying.get()) {
                    try {
                        attacker.receive(new DatagramPacket(buffer, buffer.length));
                        leaked.incrementAndGet();
                    } catch (SocketTimeoutException e) {
                        // keep listening
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "rtp-attacker-listener");
            Thread sprayer = new Thread(() -> {
                byte[] rtp = new byte[172];
                rtp[0] = (byte) 0x80;
                int seq = 0;
                while (spraying.get()) {
                    seq++;
                    rtp[2] = (byte) (seq >> 8);
                    rtp[3] = (byte) seq;
                    rtp[11] = 0x55;
                    for (int port = min + (min % 2); port <= max; port += 2) {
                        try {
                            attacker.send(new DatagramPacket(rtp, rtp.length, InetAddress.getLoopbackAddress(), port));
                            sprayed.incrementAndGet();
                        } catch (java.io.IOException e) {
                            return;
                        }
                    }
                    try {
                        Thread.sleep(20); // the pace of real RTP, per port
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rtp-attacker-sprayer");
            listener.start();
            sprayer.start();
            try {
                Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-await-bye.xml", 1,
                        Map.of("ring_ms", "300", "bye_timeout_ms", "6000",
                                "media_port", Integer.toString(callee.port())));
                assertTrue(dialer.campaign().dialNow(NUMBER).get());
                assertEquals(0, customer.await(Duration.ofSeconds(30)), customer::diagnostics);
            } finally {
                spraying.set(false);
                sprayer.join(5_000);
                listener.join(5_000);
            }
            assertFalse(callee.received().isEmpty(), "the callee heard the treatment");
            long refused = dialer.server.media().refusedPackets();
            LOG.info("RTP spray: {} packets sprayed from 127.0.0.5 at {} ports during an abandoned call; {} came "
                    + "back; {} refused by the latch; the callee got {}", sprayed.get(), (max - min) / 2 + 1,
                    leaked.get(), refused, callee.received().size());
            assertTrue(sprayed.get() > 1_000, "sprayed " + sprayed.get());
            assertEquals(0, leaked.get(), "packets the attacker received");
            assertTrue(refused > 0, "refused packets counted");
            SippSupport.assertNothingLeft(dialer);
        }
    }
}
