package org.fairdial.media.codec;

/**
 * G.711 A-law (ITU-T G.711, the European companding law) on 16-bit linear samples.
 *
 * <p>A-law has no code for zero: the two smallest codes, 0xD5 and 0x55, decode to +8 and -8, so digital silence
 * in A-law is about -72 dBFS rather than nothing. Decoding is a 256-entry table; encoding uses a leading-zero
 * count to find the segment.
 */
public final class ALaw {
    /** G.711 inverts the even bits of every A-law code on the wire. */
    private static final int EVEN_BITS = 0x55;
    private static final short[] DECODE = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            DECODE[code] = compute(code);
        }
    }

    private ALaw() {
    }

    /** Linear value of an A-law code. */
    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    /** A-law code of a 16-bit linear sample. */
    public static byte encode(short sample) {
        // A-law companding works on 13-bit magnitudes.
        int magnitude = sample >> 3;
        int mask;
        if (magnitude >= 0) {
            mask = 0x80 | EVEN_BITS;
        } else {
            mask = EVEN_BITS;
            // One's complement keeps -1..-16 in the same smallest step as 0..15.
            magnitude = -magnitude - 1;
        }
        // magnitude is 0..4095: segment 0 covers 0..31, then each segment doubles (highest bit index - 4).
        int segment = magnitude < 32 ? 0 : 27 - Integer.numberOfLeadingZeros(magnitude);
        int shift = segment < 2 ? 1 : segment;
        int code = (segment << 4) | ((magnitude >> shift) & 0x0F);
        return (byte) (code ^ mask);
    }

    private static short compute(int code) {
        int a = (code ^ EVEN_BITS) & 0xFF;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t = (t + 0x108) << (segment - 1);
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
