package org.fairdial.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The testkit's RTP peer: answers with the codecs asked for, sends G.711 silence where the offer says, counts. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LoopbackRtpIT {

    private static String offerTo(int port) {
        return "v=0\r\no=dialer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP 0 8\r\n";
    }

    @Test
    void answersWithTheCodecsAskedAndSendsSilenceInTheFirst() throws Exception {
        try (DatagramSocket dialer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             LoopbackRtp rtp = new LoopbackRtp()) {
            dialer.setSoTimeout(2000);
            LoopbackRtp.RtpSession session = rtp.answer("callee", offerTo(dialer.getLocalPort()),
                    List.of("PCMA", "PCMU"), true);

            assertTrue(session.sdp().contains("m=audio " + session.port() + " RTP/AVP 8 0\r\n"), session.sdp());
            assertTrue(session.sdp().contains("a=rtpmap:8 PCMA/8000"), session.sdp());
            byte[] buffer = new byte[2048];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            dialer.receive(packet);
            assertEquals(12 + 160, packet.getLength());
            assertEquals(0x80, buffer[0] & 0xFF, "RTP version 2");
            assertEquals(8, buffer[1] & 0x7F, "PCMA, the first codec of the answer");
            assertEquals((byte) 0xD5, buffer[12], "A-law silence");

            dialer.send(new DatagramPacket(new byte[172], 172, new InetSocketAddress("127.0.0.1", session.port())));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(2));
            while (session.packetsReceived() == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(10);
            }
            assertEquals(1, session.packetsReceived());
        }
    }

    @Test
    void sendsNothingWhenToldNot() throws Exception {
        try (DatagramSocket dialer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             LoopbackRtp rtp = new LoopbackRtp()) {
            dialer.setSoTimeout(300);
            LoopbackRtp.RtpSession session = rtp.answer("callee", offerTo(dialer.getLocalPort()), List.of(), false);

            assertTrue(session.sdp().contains("RTP/AVP 0\r\n"), "PCMU by default: " + session.sdp());
            assertReceivesNothing(dialer);
            assertEquals(0, session.packetsSent());
        }
    }

    private static void assertReceivesNothing(DatagramSocket socket) {
        byte[] buffer = new byte[2048];
        assertThrows(SocketTimeoutException.class,
                () -> socket.receive(new DatagramPacket(buffer, buffer.length)));
    }
}
