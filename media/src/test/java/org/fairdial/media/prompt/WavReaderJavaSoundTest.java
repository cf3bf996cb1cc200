package org.fairdial.media.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;

/**
 * Why {@link WavReader} is not {@code javax.sound.sampled}: where both read a file they agree sample for sample
 * (so the JDK would be a drop-in for decoding), but the JDK takes truncated and odd-sized data without a word
 * and refuses WAVE_FORMAT_EXTENSIBLE G.711, where the prompt reader refuses the first by name and reads the second.
 * Should the JDK-behaviour assertions fail after a JDK upgrade, the case for the JDK reader is worth another look.
 */
class WavReaderJavaSoundTest {
    private static final AudioFormat PCM16 =
            new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, Prompt.SAMPLE_RATE, 16, 1, 2, Prompt.SAMPLE_RATE, false);

    @Test
    void bothDecodeSoxFilesAndEveryG711CodeAlike() throws Exception {
        for (String name : new String[] {"sox-tone-pcm16.wav", "sox-tone-alaw.wav", "sox-tone-ulaw.wav"}) {
            byte[] wav = fixture(name);
            assertArrayEquals(javaSound(wav), WavReader.decode(wav), name);
        }
        byte[] codes = new byte[256];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) i;
        }
        for (int tag : new int[] {WavReader.FORMAT_ALAW, WavReader.FORMAT_MULAW}) {
            byte[] wav = Wav.riff().fmt(tag, 1, 8000, 8).chunk("data", codes).bytes();
            assertArrayEquals(javaSound(wav), WavReader.decode(wav), "format tag " + tag);
        }
        byte[] extra = Wav.riff().chunk("LIST", new byte[] {'I', 'N', 'F', 'O', 1}).fmtExtensible(1, 1, 8000, 16)
                .chunk("fact", new byte[] {2, 0, 0, 0}).pcm16((short) 5, (short) 6).bytes();
        assertArrayEquals(javaSound(extra), WavReader.decode(extra));
    }

    @Test
    void theJdkTakesTruncatedDataSilentlyWhereWeRefuseIt() throws Exception {
        byte[] whole = Wav.riff().fmt(1, 1, 8000, 16).pcm16(new short[100]).bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 50);
        assertEquals(75, javaSound(cut).length, "the JDK plays 75 of the 100 samples declared");
        assertEquals("truncated: data chunk declares 200 bytes, 150 present",
                assertThrows(IllegalArgumentException.class, () -> WavReader.decode(cut)).getMessage());
        byte[] odd = Wav.riff().fmt(1, 1, 8000, 16).chunk("data", new byte[] {1, 2, 3}).bytes();
        assertEquals(1, javaSound(odd).length, "the JDK drops the odd byte");
        assertThrows(IllegalArgumentException.class, () -> WavReader.decode(odd));
    }

    @Test
    void theJdkRefusesExtensibleG711WhichWeRead() throws Exception {
        byte[] wav = Wav.riff().fmtExtensible(WavReader.FORMAT_ALAW, 1, 8000, 8)
                .chunk("data", new byte[] {(byte) 0xD5, 0x2A}).bytes();
        assertThrows(UnsupportedAudioFileException.class, () -> javaSound(wav));
        assertEquals(2, WavReader.decode(wav).length);
    }

    private static short[] javaSound(byte[] wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(PCM16,
                AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav)))) {
            byte[] b = in.readAllBytes();
            short[] samples = new short[b.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((b[2 * i] & 0xFF) | b[2 * i + 1] << 8);
            }
            return samples;
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = WavReaderJavaSoundTest.class.getResourceAsStream("/prompts/" + name)) {
            return in.readAllBytes();
        }
    }
}
