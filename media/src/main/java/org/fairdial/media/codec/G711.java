package org.fairdial.media.codec;

import io.netty.buffer.ByteBuf;

/**
 * Frame-level G.711 work for either {@link Codec}: encoding generated audio, decoding for checks, and
 * transcoding a relayed payload between PCMU and PCMA when the two bridged legs negotiated different laws.
 *
 * <p>Transcoding goes through one 256-byte table per direction, built by decoding with one law and re-encoding
 * with the other (nearest value), so a relayed packet costs one lookup a byte.
 */
public final class G711 {
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_ALAW[code] = ALaw.encode(MuLaw.decode((byte) code));
            ALAW_TO_ULAW[code] = MuLaw.encode(ALaw.decode((byte) code));
        }
    }

    private G711() {
    }

    /** Encodes one sample with the given law. */
    public static byte encode(Codec codec, short sample) {
        return codec == Codec.PCMU ? MuLaw.encode(sample) : ALaw.encode(sample);
    }

    /** Decodes one code with the given law. */
    public static short decode(Codec codec, byte code) {
        return codec == Codec.PCMU ? MuLaw.decode(code) : ALaw.decode(code);
    }

    /** Encodes {@code length} samples from {@code pcm[offset..]} into {@code out[outOffset..]}. */
    public static void encode(Codec codec, short[] pcm, int offset, int length, byte[] out, int outOffset) {
        if (codec == Codec.PCMU) {
            for (int i = 0; i < length; i++) {
                out[outOffset + i] = MuLaw.encode(pcm[offset + i]);
            }
        } else {
            for (int i = 0; i < length; i++) {
                out[outOffset + i] = ALaw.encode(pcm[offset + i]);
            }
        }
    }

    /**
     * Appends {@code length} encoded samples from {@code pcm[offset..]} to {@code out}. Works through a byte array
     * and one bulk write: per-byte access to a direct or leak-tracked buffer costs far more than the companding.
     */
    public static void encode(Codec codec, short[] pcm, int offset, int length, ByteBuf out) {
        byte[] codes = new byte[length];
        encode(codec, pcm, offset, length, codes, 0);
        out.writeBytes(codes);
    }

    /** Decodes {@code length} codes starting at absolute {@code index} of {@code in} into {@code out[offset..]}. */
    public static void decode(Codec codec, ByteBuf in, int index, int length, short[] out, int offset) {
        byte[] codes = new byte[length];
        in.getBytes(index, codes);
        for (int i = 0; i < length; i++) {
            out[offset + i] = decode(codec, codes[i]);
        }
    }

    /** The code of {@code to} nearest to what {@code code} means in {@code from}. */
    public static byte transcode(Codec from, Codec to, byte code) {
        if (from == to) {
            return code;
        }
        return from == Codec.PCMU ? ULAW_TO_ALAW[code & 0xFF] : ALAW_TO_ULAW[code & 0xFF];
    }

    /** Appends the {@code length} codes at absolute {@code index} of {@code in}, transcoded, to {@code out}. */
    public static void transcode(Codec from, Codec to, ByteBuf in, int index, int length, ByteBuf out) {
        byte[] codes = new byte[length];
        in.getBytes(index, codes);
        if (from != to) {
            byte[] table = from == Codec.PCMU ? ULAW_TO_ALAW : ALAW_TO_ULAW;
            for (int i = 0; i < length; i++) {
                codes[i] = table[codes[i] & 0xFF];
            }
        }
        out.writeBytes(codes);
    }
}
