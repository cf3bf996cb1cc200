package org.fairdial.cdr.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.privacy.PersonalData;

/**
 * Erases a number from a journal no dialer has open ({@code dialer privacy erase} while the server is stopped):
 * each segment holding a matching record is rewritten with that record blanked, into a new file that then
 * replaces the old one atomically, so a crash mid-way leaves either the old or the new segment, never a half; spare
 * segments, which may still hold records of an earlier use, are zeroed. The confirmed dialog of a matching leg is
 * dropped (its URIs hold the number): the next start closes that leg without the BYE.
 * A running dialer's journal is left alone: its records reach the database within seconds, where the erasure
 * guard blanks them, and the segment is wiped as soon as they are committed.
 */
public final class JournalEraser {

    private JournalEraser() {
    }

    /**
     * Rewrites the records that {@code matches} with {@code blank} applied.
     *
     * @return how many records were blanked
     * @throws IOException when the journal is in use by a running dialer, or cannot be rewritten
     */
    public static int erase(Path directory, long segmentSize, Predicate<CdrLeg> matches, UnaryOperator<CdrLeg> blank)
            throws IOException {
        return erase(directory, segmentSize, matches, blank, PersonalData.PLAINTEXT);
    }

    /** As above, for a journal whose callee fields are sealed as {@code personal} says (and stay so). */
    public static int erase(Path directory, long segmentSize, Predicate<CdrLeg> matches, UnaryOperator<CdrLeg> blank,
                            PersonalData personal) throws IOException {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        if (CdrJournal.inUse(dir)) {
            throw new IOException("the journal at " + dir + " is open in a running dialer");
        }
        JournalReader.Contents contents = JournalReader.read(dir, segmentSize, personal);
        for (JournalSegment spare : contents.spares()) {
            // a spare may still hold records of an earlier use (they are wiped when a running dialer is idle)
            spare.wipe();
            spare.close();
        }
        Set<UUID> matchingLegs = new HashSet<>();
        for (JournalReader.SegmentRecords segment : contents.segments()) {
            for (JournalCodec.Entry entry : segment.entries()) {
                if (entry.leg() != null && matches.test(entry.leg())) {
                    matchingLegs.add(entry.legId());
                }
            }
        }
        int blanked = 0;
        for (JournalReader.SegmentRecords segment : contents.segments()) {
            List<byte[]> records = new ArrayList<>();
            int here = 0;
            for (JournalCodec.Entry entry : segment.entries()) {
                if (entry.dialog() != null) {
                    if (matchingLegs.contains(entry.legId())) {
                        here++;
                    } else {
                        byte[] record = JournalCodec.encode(entry, personal);
                        JournalCodec.tag(record, segment.segment().sequence);
                        records.add(record);
                    }
                    continue;
                }
                CdrLeg leg = entry.leg();
                if (matches.test(leg)) {
                    leg = blank.apply(leg);
                    here++;
                }
                byte[] record = JournalCodec.encode(entry.type(), entry.writtenAtMillis(), leg, personal);
                JournalCodec.tag(record, segment.segment().sequence);
                records.add(record);
            }
            JournalSegment old = segment.segment();
            if (here == 0) {
                old.close();
                continue;
            }
            Path tmp = old.file.resolveSibling(old.file.getFileName() + ".rewrite");
            Files.deleteIfExists(tmp);
            JournalSegment fresh = JournalSegment.allocate(tmp, Math.max(old.size, segmentSize));
            try {
                fresh.activate(old.sequence, Instant.now().toEpochMilli());
                for (byte[] record : records) {
                    fresh.writeFully(ByteBuffer.wrap(record), fresh.position);
                    fresh.position += record.length;
                }
                fresh.channel.force(true);
            } finally {
                fresh.close();
                old.close();
            }
            Files.move(tmp, old.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            blanked += here;
        }
        return blanked;
    }
}
