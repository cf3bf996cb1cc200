package org.fairdial.media.codec;

/**
 * G.711 µ-law (ITU-T G.711, the North American and Japanese companding law) on 16-bit linear samples.
 *
 * <p>Decoding is a 256-entry table. Encoding finds the segment with one leading-zero count rather than a search
 * or a 64 KB table, which would not stay in L1 cache next to everything else an RTP event loop touches.
 */
public final class MuLaw {
    /** The bias G.711 adds before companding so that every segment starts on a power of two. */
    private static final int BIAS = 0x84;
    /** Largest magnitude that still fits the top segment once the bias is added. */
    private static final int CLIP = 32635;
    private static final short[] DECODE = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            DECODE[code] = compute(code);
        }
    }

    private MuLaw() {
    }

    /** Linear value of a µ-law code; 0xFF and 0x7F (positive and negative zero) both decode to 0. */
    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    /** µ-law code of a 16-bit linear sample (values beyond ±32635 saturate). */
    public static byte encode(short sample) {
        int magnitude = sample;
        int sign = 0;
        if (magnitude < 0) {
            magnitude = -magnitude;
            sign = 0x80;
        }
        if (magnitude > CLIP) {
            magnitude = CLIP;
        }
        magnitude += BIAS;
        // magnitude >> 7 is in 1..255, so the exponent is the index of its highest set bit (0..7).
        int exponent = 31 - Integer.numberOfLeadingZeros(magnitude >> 7);
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        // G.711 transmits µ-law inverted so that idle channels carry many one bits.
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    private static short compute(int code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + BIAS;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? BIAS - t : t - BIAS);
    }
}
