package org.fairdial.privacy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link SealedChunks}' format: what is written is buffered up to a chunk, sealed under the cipher's current
 * key and passed on; {@link #close} seals the rest as the last chunk. {@link #flush} passes on sealed chunks only
 * (a partial chunk stays in memory until it fills or the stream closes). Not thread-safe.
 */
public final class SealedChunkOutput extends OutputStream {
    private final FieldCipher cipher;
    private final String purpose;
    private final String keyId;
    private final DataOutputStream out;
    private final byte[] chunk = new byte[SealedChunks.CHUNK_BYTES];
    private int filled;
    private long index;
    private boolean closed;

    public SealedChunkOutput(FieldCipher cipher, String purpose, OutputStream out) throws IOException {
        this.cipher = cipher;
        this.purpose = purpose;
        this.keyId = cipher.currentKeyId();
        this.out = new DataOutputStream(out);
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        if (id.length > 255) {
            throw new IllegalArgumentException("key id longer than 255 bytes");
        }
        this.out.write(SealedChunks.MAGIC);
        this.out.writeByte(id.length);
        this.out.write(id);
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (filled == chunk.length) {
            seal(false);
        }
        chunk[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        while (len > 0) {
            if (filled == chunk.length) {
                seal(false);
            }
            int n = Math.min(len, chunk.length - filled);
            System.arraycopy(b, off, chunk, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            seal(true);
            out.flush();
        } finally {
            out.close();
        }
    }

    private void seal(boolean last) throws IOException {
        byte[] sealed = cipher.sealBytes(SealedChunks.aad(keyId, purpose, index++, last), chunk, 0, filled);
        out.writeByte(last ? 1 : 0);
        out.writeInt(sealed.length);
        out.write(sealed);
        filled = 0;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("sealed stream closed");
        }
    }
}
