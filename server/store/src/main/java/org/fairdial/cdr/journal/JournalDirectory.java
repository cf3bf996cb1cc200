package org.fairdial.cdr.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's directory as one dialer process owns it: an exclusive file lock (two dialers on one journal would
 * replay each other's legs) and the heartbeat file, whose stamp is the latest time the owner was known alive (the
 * end time a restart gives legs left open by a crash).
 */
final class JournalDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalDirectory.class);
    private static final String LOCK_FILE = "journal.lock";

    final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel heartbeat;

    private JournalDirectory(Path path, FileChannel lockChannel, FileLock lock, FileChannel heartbeat) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.heartbeat = heartbeat;
    }

    /** Creates the directory if needed and takes it; fails when another dialer process holds it. */
    static JournalDirectory take(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockChannel);
        if (lock == null) {
            lockChannel.close();
            throw new IOException("the CDR journal at " + dir + " is in use by another dialer process");
        }
        try {
            FileChannel heartbeat = FileChannel.open(dir.resolve("alive"), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            return new JournalDirectory(dir, lockChannel, lock, heartbeat);
        } catch (IOException e) {
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    /** True when a dialer process has the journal at {@code directory} open. */
    static boolean inUse(Path directory) throws IOException {
        Path file = directory.toAbsolutePath().normalize().resolve(LOCK_FILE);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
    }

    /** The lock, or null when another process, or this one, holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    /** Stamps the heartbeat file with {@code millis}. */
    void beat(long millis) {
        try {
            ByteBuffer now = ByteBuffer.allocate(Long.BYTES).putLong(millis).flip();
            while (now.hasRemaining()) {
                heartbeat.write(now, now.position());
            }
        } catch (IOException e) {
            LOG.debug("heartbeat not written: {}", e.toString());
        }
    }

    /** The last heartbeat stamp, or 0 when there is none. */
    long lastBeat() {
        try {
            ByteBuffer stamp = ByteBuffer.allocate(Long.BYTES);
            if (heartbeat.size() >= Long.BYTES) {
                JournalSegment.readFully(heartbeat, stamp, 0);
                return stamp.flip().getLong();
            }
        } catch (IOException e) {
            LOG.debug("heartbeat not read: {}", e.toString());
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        heartbeat.close();
        lock.release();
        lockChannel.close();
    }
}
