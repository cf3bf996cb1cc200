package org.fairdial.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.fairdial.media.sdp.CryptoAttribute;
import org.fairdial.media.sdp.SrtpSuite;
import org.junit.jupiter.api.Test;

class SrtpSessionTest {
    private static final HexFormat HEX = HexFormat.of();
    /** libsrtp's reference packet (test/srtp_driver.c, srtp_validate) for AES_CM_128_HMAC_SHA1_80. */
    private static final byte[] REFERENCE_KEY = HEX.parseHex(
            "e1f97a0d3e018be0d64fa32c06de41390ec675ad498afeebb6960b3aabe6");
    private static final byte[] REFERENCE_PLAIN = HEX.parseHex(
            "800f1234decafbadcafebabe" + "abababababababababababababababab");
    private static final byte[] REFERENCE_SRTP = HEX.parseHex(
            "800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb");

    private static CryptoAttribute key(byte[] keySalt, SrtpSuite suite) {
        return new CryptoAttribute(1, suite, keySalt, -1, -1, 0, 1, List.of());
    }

    @Test
    void protectsLikeLibsrtpsReferencePacket() throws Exception {
        CryptoAttribute reference = key(REFERENCE_KEY, SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        SrtpSession sender = new SrtpSession(reference, CryptoAttribute.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80));
        PacketBuffer srtp = sender.protect(REFERENCE_PLAIN.clone(), REFERENCE_PLAIN.length);
        assertArrayEquals(REFERENCE_SRTP, Arrays.copyOf(srtp.getBuffer(), srtp.getLength()));

        SrtpSession receiver = new SrtpSession(CryptoAttribute.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80),
                reference);
        PacketBuffer in = new PacketBuffer(REFERENCE_SRTP.clone(), REFERENCE_SRTP.length);
        assertEquals(SrtpSession.Verdict.OK, receiver.unprotect(in));
        assertArrayEquals(REFERENCE_PLAIN, Arrays.copyOf(in.getBuffer(), in.getLength()));
    }

    @Test
    void roundTripsBothSuitesAcrossASequenceRollover() throws Exception {
        for (SrtpSuite suite : SrtpSuite.values()) {
            CryptoAttribute a = CryptoAttribute.generate(1, suite);
            CryptoAttribute b = CryptoAttribute.generate(1, suite);
            SrtpSession alice = new SrtpSession(a, b);
            SrtpSession bob = new SrtpSession(b, a);
            // 65530 .. 65535, 0 .. 9: the ROC goes to 1 on both sides.
            for (int i = 0; i < 16; i++) {
                byte[] rtp = rtp((65530 + i) & 0xffff, i);
                PacketBuffer srtp = alice.protect(rtp.clone(), rtp.length);
                assertEquals(rtp.length + suite.tagLength(), srtp.getLength(), suite.name());
                PacketBuffer in = new PacketBuffer(Arrays.copyOf(srtp.getBuffer(), srtp.getLength()),
                        srtp.getLength());
                assertEquals(SrtpSession.Verdict.OK, bob.unprotect(in), suite + " packet " + i);
                assertArrayEquals(rtp, Arrays.copyOf(in.getBuffer(), in.getLength()));
            }
        }
    }

    @Test
    void dropsForgedAndReplayedPackets() throws Exception {
        CryptoAttribute a = CryptoAttribute.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        CryptoAttribute b = CryptoAttribute.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        SrtpSession alice = new SrtpSession(a, b);
        SrtpSession bob = new SrtpSession(b, a);
        byte[] rtp = rtp(100, 7);
        PacketBuffer srtp = alice.protect(rtp.clone(), rtp.length);
        byte[] wire = Arrays.copyOf(srtp.getBuffer(), srtp.getLength());

        byte[] forged = wire.clone();
        forged[20] ^= 1;
        assertEquals(SrtpSession.Verdict.AUTH_FAILED, bob.unprotect(new PacketBuffer(forged, forged.length)));
        assertEquals(SrtpSession.Verdict.OK, bob.unprotect(new PacketBuffer(wire.clone(), wire.length)));
        assertEquals(SrtpSession.Verdict.REPLAYED, bob.unprotect(new PacketBuffer(wire.clone(), wire.length)));
        assertEquals(SrtpSession.Verdict.INVALID, bob.unprotect(new PacketBuffer(new byte[10], 10)));
    }

    /**
     * SRTCP (RFC 3711 section 3.4): the compound is encrypted after its first 8 bytes, the E flag and index follow,
     * then an 80-bit tag under both suites (RFC 4568 section 6.2); forgeries, replays and plain RTCP are dropped.
     */
    @Test
    void sealsRtcpWithAnIndexAndAnEightyBitTagUnderBothSuites() throws Exception {
        for (SrtpSuite suite : SrtpSuite.values()) {
            CryptoAttribute a = CryptoAttribute.generate(1, suite);
            CryptoAttribute b = CryptoAttribute.generate(1, suite);
            SrtpSession alice = new SrtpSession(a, b);
            SrtpSession bob = new SrtpSession(b, a);
            byte[] first = null;
            for (int i = 0; i < 3; i++) {
                byte[] rtcp = receiverReport(i);
                PacketBuffer sealed = alice.protectRtcp(rtcp.clone(), rtcp.length);
                byte[] wire = Arrays.copyOf(sealed.getBuffer(), sealed.getLength());
                assertEquals(rtcp.length + 4 + 10, wire.length, suite.name());
                assertArrayEquals(Arrays.copyOf(rtcp, 8), Arrays.copyOf(wire, 8), "header and SSRC stay clear");
                assertNotEquals(HEX.formatHex(rtcp, 8, rtcp.length), HEX.formatHex(wire, 8, rtcp.length),
                        "the report blocks are encrypted");
                assertEquals(0x80, wire[rtcp.length] & 0x80, "E flag set");
                assertEquals(i, wire[rtcp.length + 3], "SRTCP index: one more per report");
                PacketBuffer in = new PacketBuffer(wire.clone(), wire.length);
                assertEquals(SrtpSession.Verdict.OK, bob.unprotectRtcp(in), suite + " report " + i);
                assertArrayEquals(rtcp, Arrays.copyOf(in.getBuffer(), in.getLength()));
                first = first == null ? wire : first;
            }
            byte[] next = receiverReport(3);
            PacketBuffer sealed = alice.protectRtcp(next, next.length);
            byte[] forged = Arrays.copyOf(sealed.getBuffer(), sealed.getLength());
            forged[12] ^= 1;
            assertEquals(SrtpSession.Verdict.AUTH_FAILED, bob.unprotectRtcp(new PacketBuffer(forged, forged.length)));
            assertEquals(SrtpSession.Verdict.REPLAYED, bob.unprotectRtcp(new PacketBuffer(first.clone(),
                    first.length)));
            byte[] plain = receiverReport(9);
            assertNotEquals(SrtpSession.Verdict.OK, bob.unprotectRtcp(new PacketBuffer(plain, plain.length)),
                    "plain RTCP on an SRTP leg");
        }
    }

    /** An RTCP RR with one report block (32 bytes), sender SSRC 0xCAFEBABE. */
    private static byte[] receiverReport(int fill) {
        byte[] rr = new byte[32];
        rr[0] = (byte) 0x81;
        rr[1] = (byte) 201;
        rr[3] = 7;
        rr[4] = (byte) 0xCA;
        rr[5] = (byte) 0xFE;
        rr[6] = (byte) 0xBA;
        rr[7] = (byte) 0xBE;
        Arrays.fill(rr, 8, rr.length, (byte) (0x10 + fill));
        return rr;
    }

    static byte[] rtp(int sequence, int fill) {
        byte[] packet = new byte[12 + 160];
        packet[0] = (byte) 0x80;
        packet[1] = 0;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        packet[7] = (byte) (sequence * 160);
        packet[8] = 0x12;
        packet[11] = 0x34;
        Arrays.fill(packet, 12, packet.length, (byte) fill);
        return packet;
    }
}
