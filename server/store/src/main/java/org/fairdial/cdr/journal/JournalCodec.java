package org.fairdial.cdr.journal;

import org.fairdial.call.ConfirmedDialog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.RtpQuality;
import org.fairdial.privacy.PersonalData;

/**
 * The bytes of one journal record: {@code [int length][int segment tag][int crc32c][payload]}, the payload being
 * {@code [byte type][byte format][long written-at millis]} followed by every {@link CdrLeg} component in record
 * order (format 1: up to {@code rtpLost}, written before the TSR records existed; format 2: up to
 * {@code consentAt}, before the call-quality figures; both still read; format 3: all, the doubles as their IEEE
 * bits), or for a {@link JournalRecordType#DIALOG} record every {@link ConfirmedDialog} component. The segment
 * tag is the low 32 bits of the sequence number of the segment the record was written into: a
 * reused segment is not zeroed before it is written again, so where its new records end, a record of an earlier
 * use (another tag) or zeros (length 0) mark the end of its data. A CRC that does not match marks a record torn by
 * a power failure. Enums travel by name, so reordering constants cannot change what an old journal means.
 */
final class JournalCodec {
    /** Bytes of the length, segment tag and CRC before each payload. */
    static final int FRAME = 12;
    static final byte FORMAT = 1;
    /** Format of leg records with the TSR records (16 CFR 310.5): format 1 followed by them; still read. */
    static final byte TSR_FORMAT = 2;
    /** Format of leg records since the call-quality figures: format 2 followed by them; all three are read. */
    static final byte LEG_FORMAT = 3;
    /**
     * Purposes (associated data) of the fields sealed when encryption at rest is on: what identifies the callee
     * in a leg, and a dialog's URIs (the remote party of a customer leg is the callee). The framing, lengths and
     * CRC are as in clear; a sealed field is an {@code enc1:} envelope string.
     */
    private static final String LEAD_ID = "journal.lead_id";
    private static final String DIALED = "journal.dialed_number";
    private static final String NORMALIZED = "journal.normalized_number";
    private static final String FROM_URI = "journal.from_uri";
    private static final String TO_URI = "journal.to_uri";
    private static final String LOCAL_URI = "journal.dialog.local_uri";
    private static final String REMOTE_URI = "journal.dialog.remote_uri";
    private static final String REMOTE_TARGET = "journal.dialog.remote_target";

    private JournalCodec() {
    }

    /** A decoded record: a leg snapshot or end ({@code leg}), or a confirmed dialog ({@code dialog}). */
    record Entry(JournalRecordType type, long writtenAtMillis, CdrLeg leg, ConfirmedDialog dialog) {
        Entry(JournalRecordType type, long writtenAtMillis, CdrLeg leg) {
            this(type, writtenAtMillis, leg, null);
        }

        UUID legId() {
            return dialog != null ? dialog.legId() : leg.legId();
        }
    }

    /** Encodes a {@link JournalRecordType#DIALOG} record, the callee's URIs sealed as {@code p} says. */
    static byte[] encode(long writtenAtMillis, ConfirmedDialog dialog, PersonalData p) {
        return encode(writtenAtMillis, p.enabled() ? withUris(dialog, p.seal(LOCAL_URI, dialog.localUri()),
                p.seal(REMOTE_URI, dialog.remoteUri()), p.seal(REMOTE_TARGET, dialog.remoteTarget())) : dialog);
    }

    /** Encodes a leg record, the callee's columns sealed as {@code p} says. */
    static byte[] encode(JournalRecordType type, long writtenAtMillis, CdrLeg leg, PersonalData p) {
        return encode(type, writtenAtMillis, p.enabled() ? leg.withCallee(p.seal(LEAD_ID, leg.leadId()),
                p.seal(DIALED, leg.dialedNumber()), p.seal(NORMALIZED, leg.normalizedNumber()),
                p.seal(FROM_URI, leg.fromUri()), p.seal(TO_URI, leg.toUri())) : leg);
    }

    /** Decodes a payload whose CRC matched, opening what {@link #encode(Entry, PersonalData)} sealed. */
    static Entry decode(byte[] payload, PersonalData p) throws IOException {
        Entry e = decode(payload);
        if (e.dialog() != null) {
            ConfirmedDialog d = e.dialog();
            return new Entry(e.type(), e.writtenAtMillis(), null, withUris(d, p.open(LOCAL_URI, d.localUri()),
                    p.open(REMOTE_URI, d.remoteUri()), p.open(REMOTE_TARGET, d.remoteTarget())));
        }
        CdrLeg l = e.leg();
        return new Entry(e.type(), e.writtenAtMillis(), l.withCallee(p.open(LEAD_ID, l.leadId()),
                p.open(DIALED, l.dialedNumber()), p.open(NORMALIZED, l.normalizedNumber()),
                p.open(FROM_URI, l.fromUri()), p.open(TO_URI, l.toUri())));
    }

    private static ConfirmedDialog withUris(ConfirmedDialog d, String localUri, String remoteUri, String target) {
        return new ConfirmedDialog(d.legId(), d.callId(), d.kind(), d.sipCallId(), localUri, d.localTag(),
                remoteUri, d.remoteTag(), target, d.routeSet(), d.nextLocalCseq(), d.transport(), d.nextHopHost(),
                d.nextHopPort());
    }

    /** Encodes a {@link JournalRecordType#DIALOG} record. */
    static byte[] encode(long writtenAtMillis, ConfirmedDialog dialog) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        bytes.write(new byte[FRAME], 0, FRAME);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(JournalRecordType.DIALOG.code());
            out.writeByte(FORMAT);
            out.writeLong(writtenAtMillis);
            writeUuid(out, dialog.legId());
            writeUuid(out, dialog.callId());
            writeString(out, dialog.kind().name());
            writeString(out, dialog.sipCallId());
            writeString(out, dialog.localUri());
            writeString(out, dialog.localTag());
            writeString(out, dialog.remoteUri());
            writeString(out, dialog.remoteTag());
            writeString(out, dialog.remoteTarget());
            out.writeInt(dialog.routeSet().size());
            for (String route : dialog.routeSet()) {
                writeString(out, route);
            }
            out.writeLong(dialog.nextLocalCseq());
            writeString(out, dialog.transport());
            writeString(out, dialog.nextHopHost());
            out.writeInt(dialog.nextHopPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen writing to memory", e);
        }
        return frame(bytes.toByteArray());
    }

    /** Encodes the record of an entry as it was read, in clear. */
    static byte[] encode(Entry entry) {
        return encode(entry, PersonalData.PLAINTEXT);
    }

    /** Encodes the record of an entry as it was read (the journal eraser rewrites segments with them). */
    static byte[] encode(Entry entry, PersonalData p) {
        return entry.dialog() != null ? encode(entry.writtenAtMillis(), entry.dialog(), p)
                : encode(entry.type(), entry.writtenAtMillis(), entry.leg(), p);
    }

    static byte[] encode(JournalRecordType type, long writtenAtMillis, CdrLeg leg) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(640);
        bytes.write(new byte[FRAME], 0, FRAME);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(type.code());
            out.writeByte(LEG_FORMAT);
            out.writeLong(writtenAtMillis);
            writeUuid(out, leg.legId());
            writeUuid(out, leg.callId());
            writeString(out, leg.kind().name());
            writeString(out, leg.campaign());
            writeString(out, leg.leadId());
            writeString(out, leg.dialedNumber());
            writeString(out, leg.normalizedNumber());
            writeString(out, leg.fromUri());
            writeString(out, leg.toUri());
            writeString(out, leg.callerId());
            writeString(out, leg.trunk());
            writeString(out, leg.agent());
            writeString(out, leg.sipCallId());
            writeInstant(out, leg.createdAt());
            writeInstant(out, leg.ringingAt());
            writeInstant(out, leg.answeredAt());
            writeInstant(out, leg.bridgedAt());
            writeInstant(out, leg.endedAt());
            writeNullableLong(out, leg.postDialDelayMs());
            out.writeBoolean(leg.earlyMedia());
            out.writeLong(leg.ringMs());
            out.writeLong(leg.talkMs());
            writeString(out, leg.disposition().name());
            writeNullableLong(out, leg.sipCode() == null ? null : (long) leg.sipCode());
            writeString(out, leg.sipReason());
            writeNullableLong(out, leg.q850Cause() == null ? null : (long) leg.q850Cause());
            writeString(out, leg.hangupSide().name());
            out.writeBoolean(leg.abandonTreatment());
            out.writeLong(leg.abandonTreatmentMs());
            out.writeLong(leg.rtpSent());
            out.writeLong(leg.rtpReceived());
            out.writeLong(leg.rtpLost());
            writeString(out, leg.callerIdName());
            writeString(out, leg.promptName());
            writeString(out, leg.consentSource());
            writeInstant(out, leg.consentAt());
            RtpQuality q = leg.rtpQuality();
            writeNullableDouble(out, q.jitterMs());
            writeNullableDouble(out, q.peerLossPercent());
            writeNullableLong(out, q.peerLost());
            writeNullableDouble(out, q.peerJitterMs());
            writeNullableDouble(out, q.rttMs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen writing to memory", e);
        }
        return frame(bytes.toByteArray());
    }

    /** Fills in the length and CRC of a record whose payload follows {@link #FRAME} blank bytes. */
    private static byte[] frame(byte[] record) {
        int length = record.length - FRAME;
        CRC32C crc = new CRC32C();
        crc.update(record, FRAME, length);
        ByteBuffer.wrap(record).order(ByteOrder.BIG_ENDIAN).putInt(length).putInt(0).putInt((int) crc.getValue());
        return record;
    }

    /** Stamps an encoded record with the tag of the segment it goes into. */
    static void tag(byte[] record, long segmentSequence) {
        ByteBuffer.wrap(record).order(ByteOrder.BIG_ENDIAN).putInt(4, tagOf(segmentSequence));
    }

    static int tagOf(long segmentSequence) {
        return (int) segmentSequence;
    }

    /** True when {@code crc} is the checksum of the payload. */
    static boolean intact(byte[] payload, int crc) {
        CRC32C check = new CRC32C();
        check.update(payload, 0, payload.length);
        return (int) check.getValue() == crc;
    }

    /** Decodes a payload whose CRC matched; an unknown type or format is an {@link IOException}. */
    static Entry decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        JournalRecordType type = JournalRecordType.of(in.readByte());
        byte format = in.readByte();
        boolean dialog = type == JournalRecordType.DIALOG;
        if (format != FORMAT && (dialog || format != TSR_FORMAT && format != LEG_FORMAT)) {
            throw new IOException("unknown record format " + format);
        }
        long writtenAt = in.readLong();
        if (dialog) {
            return new Entry(type, writtenAt, null, readDialog(in));
        }
        CdrLeg leg = new CdrLeg(readUuid(in), readUuid(in), LegKind.valueOf(readString(in)), readString(in),
                readString(in), readString(in), readString(in), readString(in), readString(in), readString(in),
                readString(in), readString(in), readString(in), readInstant(in), readInstant(in), readInstant(in),
                readInstant(in), readInstant(in), readNullableLong(in), in.readBoolean(), in.readLong(),
                in.readLong(), Disposition.valueOf(readString(in)), toInt(readNullableLong(in)), readString(in),
                toInt(readNullableLong(in)), HangupSide.valueOf(readString(in)), in.readBoolean(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong());
        if (format >= TSR_FORMAT) {
            leg = leg.withTsr(readString(in), readString(in), readString(in), readInstant(in));
        }
        if (format >= LEG_FORMAT) {
            leg = leg.withRtpQuality(new RtpQuality(readNullableDouble(in), readNullableDouble(in),
                    readNullableLong(in), readNullableDouble(in), readNullableDouble(in)));
        }
        return new Entry(type, writtenAt, leg);
    }

    private static ConfirmedDialog readDialog(DataInputStream in) throws IOException {
        UUID legId = readUuid(in);
        UUID callId = readUuid(in);
        LegKind kind = LegKind.valueOf(readString(in));
        String sipCallId = readString(in);
        String localUri = readString(in);
        String localTag = readString(in);
        String remoteUri = readString(in);
        String remoteTag = readString(in);
        String remoteTarget = readString(in);
        int routes = in.readInt();
        if (routes < 0 || routes > 64) {
            throw new IOException("route set of " + routes + " entries");
        }
        List<String> routeSet = new ArrayList<>(routes);
        for (int i = 0; i < routes; i++) {
            routeSet.add(readString(in));
        }
        return new ConfirmedDialog(legId, callId, kind, sipCallId, localUri, localTag, remoteUri, remoteTag,
                remoteTarget, routeSet, in.readLong(), readString(in), readString(in), in.readInt());
    }

    private static void writeUuid(DataOutputStream out, UUID id) throws IOException {
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static UUID readUuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static void writeNullableDouble(DataOutputStream out, Double value) throws IOException {
        writeNullableLong(out, value == null ? null : Double.doubleToLongBits(value));
    }

    private static Double readNullableDouble(DataInputStream in) throws IOException {
        Long bits = readNullableLong(in);
        return bits == null ? null : Double.longBitsToDouble(bits);
    }

    private static void writeNullableLong(DataOutputStream out, Long value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readNullableLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static Integer toInt(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }
}
