package org.fairdial.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SealedChunksTest {
    private static final byte[] K1 = key(1);
    private static final byte[] K2 = key(2);
    private final FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return k;
    }

    private static byte[] data(int n) {
        byte[] d = new byte[n];
        new Random(n).nextBytes(d);
        return d;
    }

    private byte[] seal(FieldCipher c, String purpose, byte[] plain) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (SealedChunkOutput out = new SealedChunkOutput(c, purpose, file)) {
            // in uneven pieces, across chunk boundaries
            for (int off = 0; off < plain.length; off += 7001) {
                out.write(plain, off, Math.min(7001, plain.length - off));
            }
        }
        return file.toByteArray();
    }

    private byte[] open(FieldCipher c, String purpose, byte[] sealed) throws IOException {
        try (SealedChunkInput in = new SealedChunkInput(c, purpose, new ByteArrayInputStream(sealed))) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripsAcrossChunksWithTheKeyIdInTheHeaderAndNoPlaintextInTheFile() throws IOException {
        for (int n : new int[] {0, 1, SealedChunks.CHUNK_BYTES, 3 * SealedChunks.CHUNK_BYTES + 123}) {
            byte[] plain = data(n);
            byte[] sealed = seal(cipher, "recording:r1", plain);
            assertArrayEquals(plain, open(cipher, "recording:r1", sealed), "length " + n);
            assertEquals(n, SealedChunkInput.plainLength(new ByteArrayInputStream(sealed), "recording:r1"));
            assertTrue(SealedChunks.isSealed(sealed));
            assertEquals("FDSC1\u0002k1", new String(sealed, 0, 8, StandardCharsets.ISO_8859_1));
        }
        byte[] riff = "RIFF....WAVEfmt recorded-audio-marker".getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = seal(cipher, "recording:r1", riff);
        String asText = new String(sealed, StandardCharsets.ISO_8859_1);
        assertTrue(!asText.contains("RIFF") && !asText.contains("marker"), "no plaintext at rest");
    }

    @Test
    void readsWithAnOlderKeyAfterRotationAndRefusesAWrongOrMissingKey() throws IOException {
        byte[] plain = data(100_000);
        byte[] sealed = seal(cipher, "recording:r1", plain);
        FieldCipher rotated = new FieldCipher(Map.of("k1", K1, "k2", K2), "k2");
        assertArrayEquals(plain, open(rotated, "recording:r1", sealed));
        FieldCipher wrong = new FieldCipher(Map.of("k1", K2), "k1");
        PersonalDataException e = assertThrows(PersonalDataException.class, () -> open(wrong, "recording:r1", sealed));
        assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
        FieldCipher other = new FieldCipher(Map.of("k2", K2), "k2");
        e = assertThrows(PersonalDataException.class, () -> open(other, "recording:r1", sealed));
        assertTrue(e.getMessage().contains("key id 'k1'"), e.getMessage());
    }

    @Test
    void aFileOfAnotherRecordingOrWithAlteredOrReorderedChunksFails() throws IOException {
        byte[] sealed = seal(cipher, "recording:r1", data(200_000));
        assertThrows(PersonalDataException.class, () -> open(cipher, "recording:r2", sealed));
        byte[] altered = sealed.clone();
        altered[altered.length / 2] ^= 1;
        assertThrows(PersonalDataException.class, () -> open(cipher, "recording:r1", altered));
        byte[] lastFlagCleared = sealed.clone();
        int lastChunk = sealed.length - (200_000 - 3 * SealedChunks.CHUNK_BYTES + SealedChunks.OVERHEAD) - 5;
        assertEquals(1, lastFlagCleared[lastChunk]);
        lastFlagCleared[lastChunk] = 0;
        assertThrows(PersonalDataException.class, () -> open(cipher, "recording:r1", lastFlagCleared));
    }

    @Test
    void aTruncatedFileIsReportedTruncatedAtEveryCut() throws IOException {
        byte[] sealed = seal(cipher, "recording:r1", data(2 * SealedChunks.CHUNK_BYTES + 10));
        int chunk = 5 + SealedChunks.CHUNK_BYTES + SealedChunks.OVERHEAD;
        int header = 8;
        for (int cut : new int[] {3, header, header + chunk, header + chunk + 2, sealed.length - 1}) {
            byte[] cutFile = Arrays.copyOf(sealed, cut);
            PersonalDataException e = assertThrows(PersonalDataException.class,
                    () -> open(cipher, "recording:r1", cutFile), "cut at " + cut);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("authentication"),
                    e.getMessage());
            assertThrows(PersonalDataException.class,
                    () -> SealedChunkInput.plainLength(new ByteArrayInputStream(cutFile), "recording:r1"));
        }
        PersonalDataException e = assertThrows(PersonalDataException.class,
                () -> open(cipher, "recording:r1", Arrays.copyOf(sealed, header + chunk)));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aPlainFileIsNotTakenForASealedOne() {
        byte[] wav = "RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII);
        assertTrue(!SealedChunks.isSealed(wav));
        PersonalDataException e = assertThrows(PersonalDataException.class, () -> open(cipher, "recording:r1", wav));
        assertTrue(e.getMessage().contains("not a sealed file"), e.getMessage());
    }
}
