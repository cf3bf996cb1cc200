package org.fairdial.media.record;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The canonical 44-byte RIFF/WAVE header of 8 kHz 16-bit little-endian PCM. A recording is written as a stream, so
 * its header is first written with unknown sizes (0xFFFFFFFF, as streaming writers do) and fixed once the length is
 * known: {@link #withSizes} rewrites the RIFF and data sizes of a complete file.
 */
public final class WavFormat {
    /** Bytes of the header before the first sample. */
    public static final int HEADER_BYTES = 44;
    public static final int SAMPLE_RATE = 8000;
    public static final int BITS = 16;
    private static final int UNKNOWN = 0xFFFFFFFF;

    private WavFormat() {
    }

    /** A header for {@code channels} channels and {@code dataBytes} bytes of samples (-1: not known yet). */
    public static byte[] header(int channels, long dataBytes) {
        int blockAlign = channels * BITS / 8;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(size(dataBytes, 36)).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * blockAlign).putShort((short) blockAlign)
                .putShort((short) BITS);
        b.put(ascii("data")).putInt(size(dataBytes, 0));
        return b.array();
    }

    /**
     * {@code wav} (a whole file written by {@link StereoRecorder}) with its RIFF and data sizes set from its length;
     * changed in place and returned.
     *
     * @throws IllegalArgumentException if it is shorter than a header or is no RIFF/WAVE
     */
    public static byte[] withSizes(byte[] wav) {
        if (wav.length < HEADER_BYTES || wav[0] != 'R' || wav[8] != 'W' || wav[36] != 'd') {
            throw new IllegalArgumentException("not a WAV written by the recorder (" + wav.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        long data = wav.length - HEADER_BYTES;
        b.putInt(4, size(data, 36));
        b.putInt(40, size(data, 0));
        return wav;
    }

    private static int size(long dataBytes, int extra) {
        return dataBytes < 0 || dataBytes + extra > 0xFFFFFFFFL ? UNKNOWN : (int) (dataBytes + extra);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
