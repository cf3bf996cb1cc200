package org.fairdial.cdr.journal;

import org.fairdial.call.ConfirmedDialog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.config.StoreConfig.JournalConfig;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confirmed dialogs in the journal: the record round-trips, a dialog of a leg open at the crash comes back at the
 * next start (once), a dialog whose leg ended does not, and an erasure drops the dialog of an erased number.
 */
@Timeout(30)
class JournalDialogTest {
    private static final long SEGMENT = 1L << 20;
    private static final String NUMBER = "+390299123456";

    @TempDir
    Path dir;

    @Test
    void aDialogWithARouteSetRoundTripsExactly() throws IOException {
        ConfirmedDialog dialog = dialog(UUID.randomUUID(), List.of("sip:p1.example;lr", "sip:p2.example;lr"));
        JournalCodec.Entry entry = decode(JournalCodec.encode(99L, dialog));
        assertEquals(JournalRecordType.DIALOG, entry.type());
        assertEquals(99L, entry.writtenAtMillis());
        assertEquals(dialog, entry.dialog());
        assertNull(entry.leg());
        assertEquals(dialog.legId(), entry.legId());
    }

    @Test
    void aDialogWithoutRoutesRoundTripsAlsoWhenReEncodedAsRead() throws IOException {
        ConfirmedDialog dialog = dialog(UUID.randomUUID(), List.of());
        JournalCodec.Entry read = decode(JournalCodec.encode(1L, dialog));
        JournalCodec.Entry rewritten = decode(JournalCodec.encode(read));
        assertEquals(read, rewritten);
        assertEquals(List.of(), rewritten.dialog().routeSet());
    }

    @Test
    void badFieldsAreRefusedWithTheRuleBroken() {
        IllegalArgumentException cseq = assertThrows(IllegalArgumentException.class,
                () -> withCseq(0));
        assertTrue(cseq.getMessage().contains("CSeq"), cseq.getMessage());
        assertThrows(IllegalArgumentException.class, () -> withCseq(1L << 31));
    }

    @Test
    void itsLogFormMasksTheNumber() {
        String text = dialog(UUID.randomUUID(), List.of()).toString();
        assertFalse(text.contains(NUMBER), text);
        assertTrue(text.contains("sip:***@127.0.0.1"), text); // no setting at hand: every digit hidden
    }

    @Test
    void theDialogOfALegOpenAtTheCrashComesBackOnceAndItsLegIsClosed() throws IOException {
        UUID legId = UUID.randomUUID();
        ConfirmedDialog dialog = dialog(legId, List.of());
        try (CdrJournal journal = open().journal()) {
            assertTrue(journal.open(snapshot(legId)));
            assertTrue(journal.dialogConfirmed(dialog));
        }
        CdrJournal.Opened first = open();
        try (CdrJournal journal = first.journal()) {
            assertEquals(List.of(dialog), first.recovery().dialogs());
            assertEquals(1, first.recovery().closed().size());
            CdrLeg closed = first.recovery().closed().get(0);
            assertEquals(legId, closed.legId());
            assertTrue(closed.sipReason().contains(OpenLegCloser.REASON), closed.sipReason());
            assertEquals(HangupSide.DIALER, closed.hangupSide());
        }
        CdrJournal.Opened second = open();
        try (CdrJournal journal = second.journal()) {
            assertEquals(List.of(), second.recovery().dialogs(), "retired by the closing: one BYE, not one per start");
        }
    }

    @Test
    void theDialogOfALegThatEndedIsRetired() throws IOException {
        UUID ended = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        try (CdrJournal journal = open().journal()) {
            journal.open(snapshot(ended));
            journal.dialogConfirmed(dialog(ended, List.of()));
            journal.open(snapshot(open));
            journal.dialogConfirmed(dialog(open, List.of()));
            journal.ended(OpenLegCloser.close(snapshot(ended), TestLegs.T0.plusSeconds(30)));
        }
        CdrJournal.Opened again = open();
        try (CdrJournal journal = again.journal()) {
            assertEquals(List.of(open), again.recovery().dialogs().stream().map(ConfirmedDialog::legId).toList());
            assertEquals(2, journal.stats().uncommittedLegs(), "the ended leg and the closed one, to store");
            assertEquals(0, journal.stats().openLegs(), "the closing retired the open leg and its dialog");
        }
    }

    @Test
    void aSegmentHoldingOnlyTheDialogOfAnOpenLegIsKept() throws Exception {
        UUID legId = UUID.randomUUID();
        try (CdrJournal journal = open().journal()) {
            journal.open(snapshot(legId));
            CdrLeg filler = TestLegs.full("j", UUID.randomUUID(), Disposition.ANSWERED, TestLegs.T0);
            for (int i = 0; i < 3_000; i++) {
                journal.ended(filler);
            }
            assertTrue(journal.dialogConfirmed(dialog(legId, List.of())));
            for (int i = 0; i < 3_000; i++) {
                journal.ended(filler);
            }
            assertEquals(1, journal.stats().openLegs(), "the dialog counts as the open leg's");
        }
        CdrJournal.Opened again = open();
        try (CdrJournal journal = again.journal()) {
            assertEquals(List.of(legId), again.recovery().dialogs().stream().map(ConfirmedDialog::legId).toList());
        }
    }

    @Test
    void erasingTheNumberDropsTheDialogOfItsLeg() throws IOException {
        UUID legId = UUID.randomUUID();
        try (CdrJournal journal = open().journal()) {
            journal.open(snapshot(legId));
            journal.dialogConfirmed(dialog(legId, List.of()));
        }
        assertTrue(anyFileHolds(NUMBER));
        int blanked = JournalEraser.erase(dir.resolve("j"), SEGMENT, l -> NUMBER.equals(l.normalizedNumber()),
                l -> new CdrLeg(l.legId(), l.callId(), l.kind(), l.campaign(), l.leadId(), null, null, null, null,
                        l.callerId(), l.trunk(), l.agent(), l.sipCallId(), l.createdAt(), l.ringingAt(),
                        l.answeredAt(), l.bridgedAt(), l.endedAt(), l.postDialDelayMs(), l.earlyMedia(), l.ringMs(),
                        l.talkMs(), l.disposition(), l.sipCode(), l.sipReason(), l.q850Cause(), l.hangupSide(),
                        l.abandonTreatment(), l.abandonTreatmentMs(), l.rtpSent(), l.rtpReceived(), l.rtpLost()));
        assertEquals(2, blanked, "the snapshot blanked and the dialog dropped");
        assertFalse(anyFileHolds(NUMBER));
        CdrJournal.Opened again = open();
        try (CdrJournal journal = again.journal()) {
            assertEquals(List.of(), again.recovery().dialogs());
            assertEquals(1, again.recovery().closed().size(), "the leg is still closed");
        }
    }

    private static ConfirmedDialog dialog(UUID legId, List<String> routes) {
        return new ConfirmedDialog(legId, UUID.randomUUID(), LegKind.CUSTOMER, "c1d-" + legId + "@127.0.0.1",
                "sip:+390212345678@127.0.0.1", "a1b2c3", "sip:" + NUMBER + "@127.0.0.1", "SIPpTag011",
                "sip:callee@127.0.0.1:5070", routes, 2, "udp", "127.0.0.1", 5070);
    }

    private static ConfirmedDialog withCseq(long cseq) {
        return new ConfirmedDialog(UUID.randomUUID(), UUID.randomUUID(), LegKind.AGENT, "c", "sip:a@h", "t",
                "sip:1001@h", "r", "sip:1001@h:5060", List.of(), cseq, "udp", "h", 5060);
    }

    /** A customer leg with {@code legId}, answered and under way. */
    private static CdrLeg snapshot(UUID legId) {
        CdrLeg f = TestLegs.full("j", legId, Disposition.CANCELLED, TestLegs.T0);
        return new CdrLeg(legId, legId, LegKind.CUSTOMER, f.campaign(), f.leadId(), NUMBER, NUMBER, f.fromUri(),
                "sip:" + NUMBER + "@127.0.0.1", f.callerId(), f.trunk(), null, f.sipCallId(), TestLegs.T0,
                TestLegs.T0.plusSeconds(1), TestLegs.T0.plusSeconds(3), TestLegs.T0.plusSeconds(3), TestLegs.T0,
                1000L, false, 0, 0, Disposition.CANCELLED, 200, null, null, HangupSide.DIALER, false, 0, 0, 0, 0);
    }

    private static JournalCodec.Entry decode(byte[] record) throws IOException {
        return JournalCodec.decode(Arrays.copyOfRange(record, JournalCodec.FRAME, record.length));
    }

    private CdrJournal.Opened open() throws IOException {
        JournalConfig config = new JournalConfig(true, dir.resolve("j"), SEGMENT, 4 * SEGMENT);
        return CdrJournal.open(config, () -> { }, InstantSource.system(), () -> Long.MAX_VALUE,
                JournalSegment::allocate);
    }

    private boolean anyFileHolds(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(dir.resolve("j"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".fdj")).toList()) {
                String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                if (bytes.contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                    return true;
                }
            }
        }
        return false;
    }
}
