package org.fairdial.media.prompt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairdial.media.codec.ALaw;
import org.fairdial.media.codec.MuLaw;

/**
 * Reads the RIFF/WAVE files prompts come in. Only what plays untouched on a G.711 call is accepted: resampling or
 * downmixing here would hide a wrong export that the operator should fix once (sox can convert), and every
 * refusal says what was found and what is needed. Not {@code javax.sound.sampled}: it decodes the same samples
 * where both read a file, but plays truncated or odd-sized data without a word, refuses WAVE_FORMAT_EXTENSIBLE
 * G.711 and reports every other problem as "unsupported format" (WavReaderJavaSoundTest).
 */
final class WavReader {
    static final int FORMAT_PCM = 1;
    static final int FORMAT_ALAW = 6;
    static final int FORMAT_MULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Ten minutes at 8 kHz 16-bit: far beyond any announcement, and a guard against loading a wrong file. */
    private static final long MAX_BYTES = 10L * 60 * Prompt.SAMPLE_RATE * 2 + 4096;

    private WavReader() {
    }

    static short[] read(Path path) throws PromptException {
        String name = path.getFileName().toString();
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new PromptException(name + ": " + size + " bytes, longer than a prompt can be");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new PromptException(name + ": cannot read (" + e + ")", e);
        }
        try {
            return decode(bytes);
        } catch (IllegalArgumentException e) {
            throw new PromptException(name + ": " + e.getMessage());
        }
    }

    /** Decodes a whole WAV file; a problem is an IllegalArgumentException with the reason. */
    static short[] decode(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || buf.getInt(0) != fourCc("RIFF")) {
            throw new IllegalArgumentException("not a RIFF file");
        }
        if (buf.getInt(8) != fourCc("WAVE")) {
            throw new IllegalArgumentException("RIFF file but not WAVE");
        }
        WavFormat format = null;
        int dataStart = -1;
        long dataLength = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length && (format == null || dataStart < 0)) {
            int id = buf.getInt(pos);
            long size = buf.getInt(pos + 4) & 0xFFFF_FFFFL;
            int body = pos + 8;
            if (id == fourCc("fmt ")) {
                format = WavFormat.parse(buf, body, size);
            } else if (id == fourCc("data")) {
                dataStart = body;
                // Streaming writers leave the size at 0xFFFFFFFF: the data then runs to the end of the file.
                dataLength = size == 0xFFFF_FFFFL ? bytes.length - body : size;
                if (body + dataLength > bytes.length) {
                    throw new IllegalArgumentException("truncated: data chunk declares " + dataLength
                            + " bytes, " + (bytes.length - body) + " present");
                }
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        if (format == null) {
            throw new IllegalArgumentException("no fmt chunk (truncated?)");
        }
        if (dataStart < 0) {
            throw new IllegalArgumentException("no data chunk (truncated?)");
        }
        format.check();
        short[] samples = format.decode(buf, dataStart, (int) dataLength);
        if (samples.length == 0) {
            throw new IllegalArgumentException("no audio samples");
        }
        return samples;
    }

    static int fourCc(String id) {
        return id.charAt(0) | id.charAt(1) << 8 | id.charAt(2) << 16 | id.charAt(3) << 24;
    }

    /** The fields of a fmt chunk that decide whether we can play the file. */
    private record WavFormat(int tag, int channels, long sampleRate, int bitsPerSample) {

        static WavFormat parse(ByteBuffer buf, int body, long size) {
            if (size < 16 || body + 16 > buf.limit()) {
                throw new IllegalArgumentException("truncated fmt chunk");
            }
            int tag = buf.getShort(body) & 0xFFFF;
            if (tag == FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= buf.limit()) {
                // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
                tag = buf.getShort(body + 24) & 0xFFFF;
            }
            return new WavFormat(tag, buf.getShort(body + 2) & 0xFFFF, buf.getInt(body + 4) & 0xFFFF_FFFFL,
                    buf.getShort(body + 14) & 0xFFFF);
        }

        void check() {
            if (channels != 1) {
                throw new IllegalArgumentException(channels + " channels, need mono");
            }
            if (sampleRate != Prompt.SAMPLE_RATE) {
                throw new IllegalArgumentException("sample rate " + sampleRate + " Hz, need 8000 Hz");
            }
            switch (tag) {
                case FORMAT_PCM -> {
                    if (bitsPerSample != 16) {
                        throw new IllegalArgumentException(bitsPerSample + "-bit PCM, need 16-bit PCM"
                                + " (or G.711 A-law/µ-law)");
                    }
                }
                case FORMAT_ALAW, FORMAT_MULAW -> {
                    if (bitsPerSample != 8) {
                        throw new IllegalArgumentException(bitsPerSample + "-bit G.711, need 8-bit");
                    }
                }
                default -> throw new IllegalArgumentException("format tag " + tag
                        + ", need 1 (16-bit PCM), 6 (A-law) or 7 (µ-law)");
            }
        }

        short[] decode(ByteBuffer buf, int start, int length) {
            if (tag == FORMAT_PCM) {
                if ((length & 1) != 0) {
                    throw new IllegalArgumentException("truncated: odd number of bytes in 16-bit data");
                }
                short[] samples = new short[length / 2];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = buf.getShort(start + 2 * i);
                }
                return samples;
            }
            short[] samples = new short[length];
            for (int i = 0; i < length; i++) {
                byte code = buf.get(start + i);
                samples[i] = tag == FORMAT_ALAW ? ALaw.decode(code) : MuLaw.decode(code);
            }
            return samples;
        }
    }
}
