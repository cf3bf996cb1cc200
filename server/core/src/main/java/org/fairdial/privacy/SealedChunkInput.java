package org.fairdial.privacy;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads {@link SealedChunks}' format back, one chunk in memory at a time. Every failure is a
 * {@link PersonalDataException} that says why (not this format, a key not configured, authentication failed,
 * truncated), raised before any byte of the failing chunk is returned: a reader never gets unauthenticated data.
 */
public final class SealedChunkInput extends InputStream {
    private final FieldCipher cipher;
    private final String purpose;
    private final String keyId;
    private final DataInputStream in;
    private byte[] chunk = new byte[0];
    private int position;
    private long index;
    private boolean last;

    public SealedChunkInput(FieldCipher cipher, String purpose, InputStream in) throws IOException {
        this.cipher = cipher;
        this.purpose = purpose;
        this.in = new DataInputStream(in);
        this.keyId = readHeader(this.in, purpose);
    }

    /** The key id a sealed file names (read from its header). */
    public String keyId() {
        return keyId;
    }

    /**
     * The plaintext length of a sealed stream, from its chunk lengths alone (nothing is decrypted, so this does
     * not prove the file intact: reading does). Consumes {@code in}.
     */
    public static long plainLength(InputStream in, String purpose) throws IOException {
        DataInputStream data = new DataInputStream(in);
        readHeader(data, purpose);
        long total = 0;
        while (true) {
            int flag = data.read();
            if (flag < 0) {
                throw truncated(purpose);
            }
            int length = sealedLength(data, purpose);
            try {
                data.skipNBytes(length);
            } catch (EOFException e) {
                throw truncated(purpose);
            }
            total += length - SealedChunks.OVERHEAD;
            if (flag == 1) {
                return total;
            }
        }
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return chunk[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Makes sure unread plaintext is at hand; false at the authenticated end. */
    private boolean fill() throws IOException {
        while (position == chunk.length) {
            if (last) {
                return false;
            }
            int flag = in.read();
            if (flag < 0) {
                throw truncated(purpose);
            }
            if (flag > 1) {
                throw new PersonalDataException("Cannot decrypt " + purpose + ": malformed chunk flag " + flag);
            }
            byte[] sealed = new byte[sealedLength(in, purpose)];
            try {
                in.readFully(sealed);
            } catch (EOFException e) {
                throw truncated(purpose);
            }
            chunk = cipher.openBytes(purpose, keyId, SealedChunks.aad(keyId, purpose, index++, flag == 1), sealed);
            position = 0;
            last = flag == 1;
        }
        return true;
    }

    private static String readHeader(DataInputStream in, String purpose) throws IOException {
        byte[] magic = new byte[SealedChunks.MAGIC.length];
        int idLength;
        try {
            in.readFully(magic);
            if (!Arrays.equals(magic, SealedChunks.MAGIC)) {
                throw new PersonalDataException("Cannot decrypt " + purpose + ": not a sealed file (no FDSC1 header)");
            }
            idLength = in.readUnsignedByte();
            byte[] id = new byte[idLength];
            in.readFully(id);
            return new String(id, StandardCharsets.UTF_8);
        } catch (EOFException e) {
            throw truncated(purpose);
        }
    }

    private static int sealedLength(DataInputStream in, String purpose) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            throw truncated(purpose);
        }
        if (length < SealedChunks.OVERHEAD || length > SealedChunks.MAX_SEALED) {
            throw new PersonalDataException("Cannot decrypt " + purpose + ": malformed chunk length " + length);
        }
        return length;
    }

    private static PersonalDataException truncated(String purpose) {
        return new PersonalDataException("Cannot decrypt " + purpose + ": truncated (the file ends before its last"
                + " chunk)");
    }
}
