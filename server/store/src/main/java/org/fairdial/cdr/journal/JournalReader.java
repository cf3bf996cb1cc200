package org.fairdial.cdr.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairdial.privacy.PersonalData;
import org.fairdial.privacy.PersonalDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a journal directory at start-up: which files are spare, which hold records, and the records themselves
 * in the order they were written (segments by sequence number, records by offset). A torn record (its CRC does
 * not match: the machine lost power mid-write) is counted and skipped; reading a segment stops where its data ends:
 * at a zero length, or at a record tagged for an earlier use of the file.
 */
final class JournalReader {
    private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);
    static final Pattern FILE = Pattern.compile("journal-(\\d+)\\.fdj");
    /** A record longer than this is not one we wrote: the rest of the segment is not trusted. */
    private static final int MAX_RECORD = 1 << 20;

    /** What one segment held. */
    record SegmentRecords(JournalSegment segment, List<JournalCodec.Entry> entries) {
    }

    /** Everything found in the directory. */
    record Contents(List<SegmentRecords> segments, List<JournalSegment> spares, int highestFileIndex,
                    long highestSequence, long lastWrittenMillis, int tornRecords) {
    }

    private JournalReader() {
    }

    /** Reads every segment file; spares of another size than {@code segmentSize} are deleted. */
    static Contents read(Path directory, long segmentSize) throws IOException {
        return read(directory, segmentSize, PersonalData.PLAINTEXT);
    }

    /**
     * As {@link #read(Path, long)}, opening sealed fields as {@code personal} says; a field that does not open
     * (a key no longer configured, an altered record) fails the read with a {@code PersonalDataException}
     * naming the key id, rather than losing the leg.
     */
    static Contents read(Path directory, long segmentSize, PersonalData personal) throws IOException {
        List<SegmentRecords> segments = new ArrayList<>();
        List<JournalSegment> spares = new ArrayList<>();
        int highestIndex = 0;
        long highestSequence = 0;
        long lastWritten = 0;
        int torn = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "journal-*.fdj")) {
            for (Path file : files) {
                Matcher m = FILE.matcher(file.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                highestIndex = Math.max(highestIndex, Integer.parseInt(m.group(1)));
                JournalSegment segment;
                try {
                    segment = JournalSegment.open(file);
                } catch (IOException e) {
                    throw new IOException("journal file " + file + " cannot be read: " + e.getMessage(), e);
                }
                if (segment.sequence == 0) {
                    if (segment.size == segmentSize) {
                        spares.add(segment);
                    } else {
                        segment.close();
                        Files.delete(file);
                    }
                    continue;
                }
                List<JournalCodec.Entry> entries = new ArrayList<>();
                torn += readRecords(segment, entries, personal);
                for (JournalCodec.Entry entry : entries) {
                    lastWritten = Math.max(lastWritten, entry.writtenAtMillis());
                }
                highestSequence = Math.max(highestSequence, segment.sequence);
                segments.add(new SegmentRecords(segment, entries));
            }
        }
        segments.sort(Comparator.comparingLong(s -> s.segment().sequence));
        return new Contents(segments, spares, highestIndex, highestSequence, lastWritten, torn);
    }

    /** Reads a segment's records into {@code entries}; leaves its position at the end of its data. */
    private static int readRecords(JournalSegment segment, List<JournalCodec.Entry> entries, PersonalData personal)
            throws IOException {
        int torn = 0;
        long pos = JournalSegment.HEADER;
        ByteBuffer frame = ByteBuffer.allocate(JournalCodec.FRAME).order(ByteOrder.BIG_ENDIAN);
        while (pos + JournalCodec.FRAME <= segment.size) {
            frame.clear();
            JournalSegment.readFully(segment.channel, frame, pos);
            frame.flip();
            int length = frame.getInt();
            int tag = frame.getInt();
            int crc = frame.getInt();
            if (length == 0 || tag != JournalCodec.tagOf(segment.sequence)) {
                break; // zeros, or a record of an earlier use of this file: the end of this use's data
            }
            if (length < 0 || length > MAX_RECORD || pos + JournalCodec.FRAME + length > segment.size) {
                LOG.warn("journal {}: unreadable record header at offset {}; the rest of the file is skipped",
                        segment.file, pos);
                torn++;
                break;
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            JournalSegment.readFully(segment.channel, payload, pos + JournalCodec.FRAME);
            byte[] bytes = payload.array();
            if (!JournalCodec.intact(bytes, crc)) {
                torn++;
            } else {
                try {
                    entries.add(JournalCodec.decode(bytes, personal));
                } catch (PersonalDataException e) {
                    // Intact (its CRC matched) but sealed with a key not configured: not torn, and not to be
                    // skipped and later wiped with its segment; the start stops until the key is given.
                    throw new PersonalDataException("journal " + segment.file + ": " + e.getMessage());
                } catch (IOException | RuntimeException e) {
                    LOG.error("journal {}: record at offset {} cannot be decoded ({}); skipped", segment.file, pos,
                            e.toString());
                    torn++;
                }
            }
            pos += JournalCodec.FRAME + length;
            segment.records++;
        }
        segment.position = pos;
        segment.synced = pos;
        return torn;
    }
}
