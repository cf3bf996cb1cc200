package org.fairdial.media.prompt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte for tests, including broken ones. */
final class Wav {
    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

    static Wav riff() {
        return new Wav();
    }

    Wav fmt(int tag, int channels, int rate, int bits) {
        int blockAlign = channels * bits / 8;
        ByteBuffer b = le(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        return chunk("fmt ", b.array());
    }

    /** WAVE_FORMAT_EXTENSIBLE with the given sub-format. */
    Wav fmtExtensible(int subFormat, int channels, int rate, int bits) {
        int blockAlign = channels * bits / 8;
        ByteBuffer b = le(40).putShort((short) 0xFFFE).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits)
                .putShort((short) 22).putShort((short) bits).putInt(4).putShort((short) subFormat)
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", b.array());
    }

    Wav pcm16(short... samples) {
        ByteBuffer b = le(samples.length * 2);
        for (short s : samples) {
            b.putShort(s);
        }
        return chunk("data", b.array());
    }

    Wav chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    /** A chunk whose declared size may lie. */
    Wav chunk(String id, int declaredSize, byte[] body) {
        ByteBuffer header = le(8).put(id.getBytes(StandardCharsets.US_ASCII)).putInt(declaredSize);
        chunks.writeBytes(header.array());
        chunks.writeBytes(body);
        if ((body.length & 1) != 0) {
            chunks.write(0);
        }
        return this;
    }

    byte[] bytes() {
        byte[] body = chunks.toByteArray();
        ByteBuffer out = le(12 + body.length).put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(4 + body.length).put("WAVE".getBytes(StandardCharsets.US_ASCII)).put(body);
        return out.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
