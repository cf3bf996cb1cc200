package org.fairdial.cdr.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One preallocated journal file: a 64-byte header ({@code FDJ1}, format, sequence number, creation time) and
 * records from {@link #HEADER} on. A spare segment has a zero header; what follows is zeros or records of an
 * earlier use, which the next use overwrites and the reader tells apart by their segment tag. A spare is zeroed
 * completely ({@link #wipe}) when the dialer is idle. The bookkeeping fields are guarded by the journal's lock; the
 * channel is used by the appending threads (under that lock) and by the sync thread ({@code force}, which needs no
 * lock).
 */
final class JournalSegment {
    static final int HEADER = 64;
    private static final int MAGIC = 0x46444A31; // "FDJ1"
    private static final int VERSION = 1;
    private static final int ZERO_CHUNK = 1 << 20;

    final Path file;
    final FileChannel channel;
    final long size;

    /** Sequence number in the header; 0 while spare. */
    long sequence;
    /** Offset of the next record. */
    long position;
    /** Bytes known to be on disk (forced). */
    long synced;
    /** Open legs with a snapshot in this segment. */
    int openRefs;
    /** Ended legs in this segment not yet committed to the database. */
    int pendingEnds;
    /** Records in this segment, for the log. */
    long records;
    /** Everything from {@link #HEADER} up to this offset may still hold records of an earlier use. */
    long staleUpTo = HEADER;

    private JournalSegment(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Creates {@code file} full of zeros, on disk; a full disk fails here, before any record depends on it. */
    static JournalSegment allocate(Path file, long size) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            zero(channel, 0, size);
            channel.force(true);
            return new JournalSegment(file, channel, size);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Opens an existing segment file; its header says whether it is spare (sequence 0) or holds records. */
    static JournalSegment open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        JournalSegment segment = new JournalSegment(file, channel, channel.size());
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.BIG_ENDIAN);
            readFully(channel, header, 0);
            header.flip();
            int magic = header.getInt();
            int version = header.getInt();
            long sequence = header.getLong();
            if (magic == MAGIC && version == VERSION && sequence > 0) {
                segment.sequence = sequence;
            } else if (magic != 0) {
                throw new IOException("not a journal segment (bad header)");
            }
            segment.staleUpTo = segment.size; // left by an earlier process: what lies past its data is unknown
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        segment.position = HEADER;
        return segment;
    }

    /** Stamps the header of a spare segment: from now on it holds records. */
    void activate(long seq, long nowMillis) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.BIG_ENDIAN);
        header.putInt(MAGIC).putInt(VERSION).putLong(seq).putLong(nowMillis).rewind();
        writeFully(header, 0);
        sequence = seq;
        position = HEADER;
        synced = 0;
        records = 0;
    }

    /** Zeros the header and forces it: the segment is spare again; its records stay until {@link #wipe}. */
    void reuse() throws IOException {
        zero(channel, 0, HEADER);
        channel.force(false);
        staleUpTo = Math.max(staleUpTo, Math.min(size, position));
        sequence = 0;
        position = HEADER;
        synced = 0;
        records = 0;
        openRefs = 0;
        pendingEnds = 0;
    }

    /** Writes zeros over everything a spare segment may still hold, and forces it. */
    void wipe() throws IOException {
        zero(channel, 0, Math.min(size, Math.max(staleUpTo, HEADER)));
        channel.force(false);
        staleUpTo = HEADER;
    }

    void writeFully(ByteBuffer data, long at) throws IOException {
        long offset = at;
        while (data.hasRemaining()) {
            offset += channel.write(data, offset);
        }
    }

    static void readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
        long offset = at;
        while (into.hasRemaining()) {
            int n = channel.read(into, offset);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + offset);
            }
            offset += n;
        }
    }

    private static void zero(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(ZERO_CHUNK);
        long offset = from;
        while (offset < to) {
            zeros.clear().limit((int) Math.min(ZERO_CHUNK, to - offset));
            while (zeros.hasRemaining()) {
                offset += channel.write(zeros, offset);
            }
        }
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a file we no longer need; nothing to recover
        }
    }

    @Override
    public String toString() {
        return file.getFileName() + "#" + sequence;
    }
}
