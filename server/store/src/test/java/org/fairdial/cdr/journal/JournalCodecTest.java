package org.fairdial.cdr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.RtpQuality;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes of a journal record: every component survives, nanoseconds included; a torn payload is caught; a
 * reused segment's old records are not read as new.
 */
class JournalCodecTest {

    @Test
    void legWithEveryFieldRoundTripsExactly() throws IOException {
        CdrLeg leg = TestLegs.full("rt", UUID.randomUUID(), Disposition.ABANDONED, TestLegs.T0.plusNanos(123_456));
        JournalCodec.Entry entry = decode(JournalCodec.encode(JournalRecordType.END, 42L, leg));
        assertEquals(JournalRecordType.END, entry.type());
        assertEquals(42L, entry.writtenAtMillis());
        assertEquals(leg, entry.leg());
    }

    @Test
    void legWithEveryNullableNullRoundTrips() throws IOException {
        CdrLeg leg = TestLegs.sparse("rt", LegKind.AGENT, TestLegs.T0);
        assertEquals(leg, decode(JournalCodec.encode(JournalRecordType.OPEN, 7L, leg)).leg());
    }

    @Test
    void tsrRecordsRoundTrip() throws IOException {
        CdrLeg leg = TestLegs.withTsr(TestLegs.full("rt", UUID.randomUUID(), Disposition.ABANDONED,
                TestLegs.T0.plusNanos(7)));
        CdrLeg read = decode(JournalCodec.encode(JournalRecordType.END, 3L, leg)).leg();
        assertEquals(leg, read);
        assertEquals("abandon-it.wav", read.promptName());
        assertEquals(TestLegs.CONSENT_AT, read.consentAt());
    }

    /** Format 3 appends the five quality figures, each a presence byte and, if present, eight bytes. */
    private static final int QUALITY_BYTES = 5 * (1 + Long.BYTES);

    /**
     * A leg record of format 1, as journals written before the TSR records hold: the same components up to
     * {@code rtpLost} and nothing after. It reads back with the TSR records and quality figures empty.
     */
    @Test
    void formatOneLegRecordsStayReadable() throws IOException {
        CdrLeg leg = TestLegs.full("old", UUID.randomUUID(), Disposition.ANSWERED, TestLegs.T0);
        byte[] record = JournalCodec.encode(JournalRecordType.END, 5L, leg);
        // Format 2 appends three null strings (an int -1 each) and an absent instant (one false byte).
        int tsrBytes = 3 * Integer.BYTES + 1;
        byte[] payload = Arrays.copyOfRange(record, JournalCodec.FRAME, record.length - tsrBytes - QUALITY_BYTES);
        assertEquals(JournalCodec.LEG_FORMAT, payload[1]);
        payload[1] = 1;
        CdrLeg read = JournalCodec.decode(payload).leg();
        assertEquals(leg.withRtpQuality(RtpQuality.UNKNOWN), read);
        assertEquals(null, read.callerIdName());
        assertFalse(read.promptPlayed());
    }

    /** A leg record of format 2, as journals written before the quality figures hold: it reads back without them. */
    @Test
    void formatTwoLegRecordsStayReadable() throws IOException {
        CdrLeg leg = TestLegs.withTsr(TestLegs.full("old", UUID.randomUUID(), Disposition.ANSWERED, TestLegs.T0));
        byte[] record = JournalCodec.encode(JournalRecordType.END, 5L, leg);
        byte[] payload = Arrays.copyOfRange(record, JournalCodec.FRAME, record.length - QUALITY_BYTES);
        payload[1] = JournalCodec.TSR_FORMAT;
        CdrLeg read = JournalCodec.decode(payload).leg();
        assertEquals(leg.withRtpQuality(RtpQuality.UNKNOWN), read);
        assertEquals("abandon-it.wav", read.promptName());
    }

    @Test
    void qualityFiguresRoundTripIncludingUnknownOnes() throws IOException {
        CdrLeg leg = TestLegs.full("q", UUID.randomUUID(), Disposition.ANSWERED, TestLegs.T0)
                .withRtpQuality(new RtpQuality(0.13, null, null, null, 12.0));
        assertEquals(leg, decode(JournalCodec.encode(JournalRecordType.END, 2L, leg)).leg());
        CdrLeg full = TestLegs.full("q", UUID.randomUUID(), Disposition.ANSWERED, TestLegs.T0);
        assertEquals(TestLegs.QUALITY, decode(JournalCodec.encode(JournalRecordType.END, 2L, full)).leg()
                .rtpQuality());
    }

    @Test
    void nonAsciiTextRoundTrips() throws IOException {
        CdrLeg l = TestLegs.full("campagna-è-€", UUID.randomUUID(), Disposition.ANSWERED, TestLegs.T0);
        assertEquals("campagna-è-€", decode(JournalCodec.encode(JournalRecordType.END, 1L, l)).leg().campaign());
    }

    @Test
    void aFlippedBitFailsTheChecksum() {
        byte[] record = JournalCodec.encode(JournalRecordType.END, 1L,
                TestLegs.full("rt", UUID.randomUUID(), Disposition.ANSWERED, TestLegs.T0));
        ByteBuffer frame = ByteBuffer.wrap(record);
        int length = frame.getInt();
        frame.getInt();
        int crc = frame.getInt();
        byte[] payload = Arrays.copyOfRange(record, JournalCodec.FRAME, JournalCodec.FRAME + length);
        assertTrue(JournalCodec.intact(payload, crc));
        payload[length / 2] ^= 0x10;
        assertFalse(JournalCodec.intact(payload, crc));
    }

    @Test
    void aReusedSegmentYieldsOnlyTheRecordsOfItsCurrentUse(@TempDir Path dir) throws IOException {
        JournalSegment segment = JournalSegment.allocate(dir.resolve("journal-1.fdj"), 1L << 20);
        segment.activate(1, 0);
        for (int i = 0; i < 3; i++) {
            append(segment, TestLegs.sparse("old", LegKind.CUSTOMER, TestLegs.T0));
        }
        segment.reuse();
        segment.activate(2, 0);
        CdrLeg fresh = TestLegs.sparse("new", LegKind.CUSTOMER, TestLegs.T0);
        append(segment, fresh);
        segment.close();
        JournalReader.Contents contents = JournalReader.read(dir, 1L << 20);
        assertEquals(1, contents.segments().size());
        List<JournalCodec.Entry> entries = contents.segments().get(0).entries();
        assertEquals(List.of(fresh), entries.stream().map(JournalCodec.Entry::leg).toList());
        assertEquals(0, contents.tornRecords());
        contents.segments().get(0).segment().close();
    }

    private static void append(JournalSegment segment, CdrLeg leg) throws IOException {
        byte[] record = JournalCodec.encode(JournalRecordType.END, 1L, leg);
        JournalCodec.tag(record, segment.sequence);
        segment.writeFully(ByteBuffer.wrap(record), segment.position);
        segment.position += record.length;
    }

    @Test
    void anUnknownRecordTypeIsRefused() {
        byte[] record = JournalCodec.encode(JournalRecordType.END, 1L,
                TestLegs.sparse("rt", LegKind.CUSTOMER, TestLegs.T0));
        byte[] payload = Arrays.copyOfRange(record, JournalCodec.FRAME, record.length);
        payload[0] = 9;
        assertThrows(IOException.class, () -> JournalCodec.decode(payload));
    }

    private static JournalCodec.Entry decode(byte[] record) throws IOException {
        ByteBuffer frame = ByteBuffer.wrap(record);
        int length = frame.getInt();
        frame.getInt();
        int crc = frame.getInt();
        assertEquals(record.length - JournalCodec.FRAME, length);
        byte[] payload = Arrays.copyOfRange(record, JournalCodec.FRAME, record.length);
        assertTrue(JournalCodec.intact(payload, crc));
        return JournalCodec.decode(payload);
    }
}
