package org.fairdial.media.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.fairdial.media.codec.ALaw;
import org.fairdial.media.codec.MuLaw;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private String failure(String name, byte[] bytes) throws IOException {
        Path file = write(name, bytes);
        return assertThrows(PromptException.class, () -> Prompt.load(file)).getMessage();
    }

    @Test
    void pcm16Mono() throws Exception {
        Path file = write("hello.wav", Wav.riff().fmt(1, 1, 8000, 16).pcm16((short) 1, (short) -2, (short) 32767)
                .bytes());
        Prompt prompt = Prompt.load(file);
        assertEquals("hello.wav", prompt.name());
        assertEquals(3, prompt.sampleCount());
        assertEquals(-2, prompt.sample(1));
        assertEquals(32767, prompt.sample(2));
        assertEquals(Duration.ofNanos(375_000), prompt.duration());
    }

    @Test
    void g711Formats() throws Exception {
        byte[] codes = {(byte) 0xD5, (byte) 0xAA, 0x2A};
        Prompt alaw = Prompt.load(write("a.wav", Wav.riff().fmt(6, 1, 8000, 8).chunk("data", codes).bytes()));
        Prompt ulaw = Prompt.load(write("u.wav", Wav.riff().fmt(7, 1, 8000, 8).chunk("data", codes).bytes()));
        for (int i = 0; i < codes.length; i++) {
            assertEquals(ALaw.decode(codes[i]), alaw.sample(i));
            assertEquals(MuLaw.decode(codes[i]), ulaw.sample(i));
        }
    }

    @Test
    void extensibleFormatAndExtraChunksAreUnderstood() throws Exception {
        byte[] bytes = Wav.riff().chunk("LIST", new byte[] {'I', 'N', 'F', 'O', 1}).fmtExtensible(1, 1, 8000, 16)
                .chunk("fact", new byte[] {2, 0, 0, 0}).pcm16((short) 5, (short) 6).bytes();
        Prompt prompt = Prompt.load(write("ext.wav", bytes));
        assertEquals(2, prompt.sampleCount());
        assertEquals(6, prompt.sample(1));
    }

    @Test
    void streamingDataSizeRunsToTheEnd() throws Exception {
        byte[] bytes = Wav.riff().fmt(1, 1, 8000, 16).chunk("data", -1, new byte[] {1, 0, 2, 0}).bytes();
        assertEquals(2, Prompt.load(write("stream.wav", bytes)).sampleCount());
    }

    @Test
    void filesWrittenBySoxLoad() throws Exception {
        Prompt pcm = Prompt.load(fixture("sox-tone-pcm16.wav"));
        Prompt alaw = Prompt.load(fixture("sox-tone-alaw.wav"));
        Prompt ulaw = Prompt.load(fixture("sox-tone-ulaw.wav"));
        for (Prompt p : new Prompt[] {pcm, alaw, ulaw}) {
            assertEquals(800, p.sampleCount(), p.name());
            short[] samples = new short[p.sampleCount()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = p.sample(i);
            }
            // sox synth sine at vol 0.5: peak 16384, RMS -9.03 dBFS.
            assertEquals(-9.03, AudioLevel.dbfs(samples, 0, samples.length), 0.2, p.name());
        }
    }

    @Test
    void refusalsNameTheFileAndTheReason() throws Exception {
        assertEquals("prompt.wav: sample rate 16000 Hz, need 8000 Hz",
                failure("prompt.wav", Wav.riff().fmt(1, 1, 16000, 16).pcm16((short) 0).bytes()));
        assertEquals("stereo.wav: 2 channels, need mono",
                failure("stereo.wav", Wav.riff().fmt(1, 2, 8000, 16).pcm16((short) 0, (short) 0).bytes()));
        assertEquals("8bit.wav: 8-bit PCM, need 16-bit PCM (or G.711 A-law/µ-law)",
                failure("8bit.wav", Wav.riff().fmt(1, 1, 8000, 8).chunk("data", new byte[] {1, 2}).bytes()));
        assertEquals("float.wav: format tag 3, need 1 (16-bit PCM), 6 (A-law) or 7 (µ-law)",
                failure("float.wav", Wav.riff().fmt(3, 1, 8000, 32).chunk("data", new byte[4]).bytes()));
        assertEquals("song.mp3: not a RIFF file", failure("song.mp3", "ID3\u0004\0\0\0\0\0\0".getBytes()));
        assertEquals("tiny.wav: not a RIFF file", failure("tiny.wav", new byte[] {'R', 'I'}));
        assertEquals("avi.wav: RIFF file but not WAVE",
                failure("avi.wav", "RIFF\0\0\0\0AVI LIST".getBytes()));
        assertEquals("empty.wav: no audio samples",
                failure("empty.wav", Wav.riff().fmt(1, 1, 8000, 16).pcm16().bytes()));
        assertEquals("nofmt.wav: no fmt chunk (truncated?)",
                failure("nofmt.wav", Wav.riff().pcm16((short) 1).bytes()));
        assertEquals("nodata.wav: no data chunk (truncated?)",
                failure("nodata.wav", Wav.riff().fmt(1, 1, 8000, 16).bytes()));
    }

    @Test
    void truncatedFiles() throws Exception {
        byte[] whole = Wav.riff().fmt(1, 1, 8000, 16).pcm16(new short[100]).bytes();
        assertEquals("cut.wav: truncated: data chunk declares 200 bytes, 150 present",
                failure("cut.wav", Arrays.copyOf(whole, whole.length - 50)));
        assertEquals("odd.wav: truncated: odd number of bytes in 16-bit data",
                failure("odd.wav", Wav.riff().fmt(1, 1, 8000, 16).chunk("data", new byte[] {1, 2, 3}).bytes()));
        assertEquals("head.wav: truncated fmt chunk", failure("head.wav", Arrays.copyOf(whole, 30)));
    }

    @Test
    void missingFile() {
        PromptException e = assertThrows(PromptException.class, () -> Prompt.load(dir.resolve("gone.wav")));
        assertTrue(e.getMessage().startsWith("gone.wav: cannot read"), e.getMessage());
    }

    @Test
    void ofSamplesCopies() {
        short[] samples = {1, 2, 3};
        Prompt prompt = Prompt.ofSamples("tone", samples);
        samples[0] = 99;
        assertEquals(1, prompt.sample(0));
        assertEquals(Duration.ofNanos(375_000), prompt.duration());
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(PromptTest.class.getResource("/prompts/" + name).toURI());
    }
}
