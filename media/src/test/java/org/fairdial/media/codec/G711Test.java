package org.fairdial.media.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void muLawZeroCodesDecodeToZero() {
        assertEquals(0, MuLaw.decode((byte) 0xFF));
        assertEquals(0, MuLaw.decode((byte) 0x7F));
    }

    @Test
    void muLawExtremes() {
        assertEquals(32124, MuLaw.decode((byte) 0x80));
        assertEquals(-32124, MuLaw.decode((byte) 0x00));
        assertEquals((byte) 0xFF, MuLaw.encode((short) 0));
        assertEquals((byte) 0x80, MuLaw.encode(Short.MAX_VALUE));
        assertEquals((byte) 0x00, MuLaw.encode(Short.MIN_VALUE));
    }

    @Test
    void aLawSmallestCodesDecodeToPlusMinusEight() {
        assertEquals(8, ALaw.decode((byte) 0xD5));
        assertEquals(-8, ALaw.decode((byte) 0x55));
        assertEquals((byte) 0xD5, ALaw.encode((short) 0));
        assertEquals((byte) 0x55, ALaw.encode((short) -1));
    }

    @Test
    void aLawExtremes() {
        assertEquals(32256, ALaw.decode((byte) 0xAA));
        assertEquals(-32256, ALaw.decode((byte) 0x2A));
        assertEquals((byte) 0xAA, ALaw.encode(Short.MAX_VALUE));
        assertEquals((byte) 0x2A, ALaw.encode(Short.MIN_VALUE));
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            byte c = (byte) code;
            assertEquals(c, ALaw.encode(ALaw.decode(c)), "A-law code " + code);
            if (code != 0x7F) { // µ-law's negative zero comes back as positive zero
                assertEquals(c, MuLaw.encode(MuLaw.decode(c)), "µ-law code " + code);
            }
        }
    }

    @Test
    void decodeIsMonotonicInMagnitude() {
        // Positive codes: µ-law 0xFF (smallest) down to 0x80 (largest); A-law 0xD5 with the even bits restored.
        int previousU = -1;
        int previousA = -1;
        for (int step = 0; step < 128; step++) {
            int u = MuLaw.decode((byte) (0xFF - step));
            int a = ALaw.decode((byte) ((0x80 | step) ^ 0x55));
            assertTrue(u > previousU || (step == 0 && u == 0), "µ-law step " + step);
            assertTrue(a > previousA, "A-law step " + step);
            previousU = u;
            previousA = a;
        }
    }

    @Test
    void sineRoundTripStaysWithinQuantisationError() {
        for (Codec codec : Codec.values()) {
            for (double amplitude : new double[] {300, 3000, 20000, 32767}) {
                double signal = 0;
                double noise = 0;
                for (int n = 0; n < 8000; n++) {
                    short x = (short) Math.round(amplitude * Math.sin(2 * Math.PI * 1004 * n / 8000.0));
                    short y = G711.decode(codec, G711.encode(codec, x));
                    int error = Math.abs(x - y);
                    // Half a quantisation step: 4 (A-law 8) at the bottom, about 1/32 of the value higher up.
                    assertTrue(error <= 8 + Math.abs(x) / 16, codec + " x=" + x + " y=" + y);
                    signal += (double) x * x;
                    noise += (double) error * error;
                }
                double snr = 10 * Math.log10(signal / noise);
                assertTrue(snr > (amplitude < 1000 ? 25 : 33), codec + " amplitude " + amplitude + " SNR " + snr);
            }
        }
    }

    @Test
    void frameEncodeDecode() {
        short[] pcm = {0, 100, -100, 1000, -1000, 32767, -32768, 8};
        ByteBuf buf = Unpooled.buffer();
        G711.encode(Codec.PCMA, pcm, 0, pcm.length, buf);
        assertEquals(pcm.length, buf.readableBytes());
        short[] back = new short[pcm.length];
        G711.decode(Codec.PCMA, buf, buf.readerIndex(), pcm.length, back, 0);
        for (int i = 0; i < pcm.length; i++) {
            assertEquals(ALaw.decode(ALaw.encode(pcm[i])), back[i]);
        }
        buf.release();
    }

    @Test
    void transcodingKeepsTheValueNearest() {
        for (int code = 0; code < 256; code++) {
            byte u = (byte) code;
            byte a = G711.transcode(Codec.PCMU, Codec.PCMA, u);
            assertEquals(ALaw.encode(MuLaw.decode(u)), a);
            short back = MuLaw.decode(G711.transcode(Codec.PCMA, Codec.PCMU, a));
            short original = MuLaw.decode(u);
            assertTrue(Math.abs(back - original) <= 8 + Math.abs(original) / 16, "code " + code);
        }
        assertEquals((byte) 0xD5, G711.transcode(Codec.PCMU, Codec.PCMA, (byte) 0xFF));
        assertEquals((byte) 0x42, G711.transcode(Codec.PCMU, Codec.PCMU, (byte) 0x42));
    }

    @Test
    void transcodePayload() {
        ByteBuf in = Unpooled.wrappedBuffer(new byte[] {9, (byte) 0xFF, (byte) 0x80, 0x00, 9});
        ByteBuf out = Unpooled.buffer();
        G711.transcode(Codec.PCMU, Codec.PCMA, in, 1, 3, out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        assertArrayEquals(new byte[] {(byte) 0xD5, (byte) 0xAA, (byte) 0x2A}, bytes);
        in.release();
        out.release();
    }
}
