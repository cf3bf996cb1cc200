package org.fairdial.privacy;

import java.nio.charset.StandardCharsets;

/**
 * The at-rest format of large data (call recordings) under {@link FieldCipher}'s keys: a header, then a stream of
 * AES-256-GCM sealed chunks, so neither writer nor reader holds more than a chunk in memory.
 *
 * <pre>
 * header : "FDSC1" (5 ASCII bytes) | u8 key-id length | key id (UTF-8)
 * chunk  : u8 flag (0 = more follow, 1 = last) | u32 big-endian length n | n bytes: nonce(12) | ciphertext | tag(16)
 * </pre>
 *
 * Each chunk's associated data is {@code FDSC1:<key id>:<purpose>:<chunk index>:<flag>}: the purpose (e.g.
 * {@code recording:<id>}) binds the file to its record, the index forbids reordering or dropping chunks, and the
 * flag marks the end, so a file cut after any chunk is reported truncated, never read as shorter audio. A chunk
 * holds at most {@link #CHUNK_BYTES} of plaintext; the last may be empty.
 */
public final class SealedChunks {
    static final byte[] MAGIC = "FDSC1".getBytes(StandardCharsets.US_ASCII);
    /** Plaintext per chunk: 64 KiB, about two seconds of 8 kHz 16-bit stereo. */
    public static final int CHUNK_BYTES = 64 * 1024;
    /** What sealing adds to a chunk: nonce and tag. */
    static final int OVERHEAD = 12 + 16;
    static final int MAX_SEALED = CHUNK_BYTES + OVERHEAD;

    private SealedChunks() {
    }

    /** Whether {@code start} (the first bytes of a file) is this format. */
    public static boolean isSealed(byte[] start) {
        if (start.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (start[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    static byte[] aad(String keyId, String purpose, long index, boolean last) {
        return ("FDSC1:" + keyId + ":" + purpose + ":" + index + ":" + (last ? 1 : 0))
                .getBytes(StandardCharsets.UTF_8);
    }
}
