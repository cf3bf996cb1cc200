package org.fairdial.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
