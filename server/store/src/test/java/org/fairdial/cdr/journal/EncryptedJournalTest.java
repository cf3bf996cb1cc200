package org.fairdial.cdr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.fairdial.call.ConfirmedDialog;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.config.StoreConfig.JournalConfig;
import org.fairdial.privacy.PersonalData;
import org.fairdial.privacy.PersonalDataException;
import org.fairdial.storage.TestKeys;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CDR journal with encryption at rest: no byte of a segment holds the callee's number (leg snapshots, ends and
 * confirmed dialogs alike), the next start reads the legs and dialogs back exactly, and a journal read without its
 * key stops with the key id named, leaving the files for a start with the right key.
 */
@Timeout(30)
class EncryptedJournalTest {
    private static final String NUMBER = "+441632960007";
    private static final String DIGITS = "1632960007";
    private static final PersonalData KEYS = TestKeys.encrypted("k1", "k1");

    @TempDir
    Path dir;

    @Test
    void segmentsHoldNoNumberAndReadBackExactly() throws IOException {
        CdrLeg open = TestLegs.distinct("c", UUID.randomUUID(), UUID.randomUUID(), NUMBER, TestLegs.T0);
        CdrLeg ended = TestLegs.distinct("c", UUID.randomUUID(), UUID.randomUUID(), NUMBER, TestLegs.T0);
        ConfirmedDialog dialog = new ConfirmedDialog(open.legId(), open.callId(), LegKind.CUSTOMER, "c1@127.0.0.1",
                "sip:+442079460000@127.0.0.1", "a1", "sip:" + NUMBER + "@127.0.0.1", "b2",
                "sip:" + NUMBER + "@127.0.0.1:5070", List.of(), 2, "udp", "127.0.0.1", 5070);
        try (CdrJournal journal = open(KEYS).journal()) {
            assertTrue(journal.open(open));
            assertTrue(journal.dialogConfirmed(dialog));
            assertTrue(journal.ended(ended));
        }
        assertFalse(anyFileHolds(DIGITS), "no segment byte holds the number");
        assertTrue(anyFileHolds("enc1:k1:"), "the fields are envelopes");

        CdrJournal.Opened again = open(KEYS);
        try (CdrJournal journal = again.journal()) {
            assertEquals(List.of(ended), again.recovery().ended());
            assertEquals(List.of(dialog), again.recovery().dialogs());
            assertEquals(1, again.recovery().closed().size());
            assertEquals(NUMBER, again.recovery().closed().get(0).normalizedNumber());
        }
    }

    @Test
    void aJournalReadWithoutItsKeyFailsClearlyAndLosesNothing() throws IOException {
        CdrLeg ended = TestLegs.distinct("c", UUID.randomUUID(), UUID.randomUUID(), NUMBER, TestLegs.T0);
        try (CdrJournal journal = open(KEYS).journal()) {
            assertTrue(journal.ended(ended));
        }
        PersonalDataException e = assertThrows(PersonalDataException.class,
                () -> open(TestKeys.encrypted("k2", "k2")));
        assertTrue(e.getMessage().contains("key id 'k1'"), e.getMessage());
        PersonalDataException off = assertThrows(PersonalDataException.class, () -> open(PersonalData.PLAINTEXT));
        assertTrue(off.getMessage().contains("encryption is off"), off.getMessage());
        CdrJournal.Opened again = open(KEYS);
        try (CdrJournal journal = again.journal()) {
            assertEquals(List.of(ended), again.recovery().ended());
        }
    }

    private CdrJournal.Opened open(PersonalData personal) throws IOException {
        JournalConfig config = new JournalConfig(true, dir.resolve("j"), 1L << 20, 4L << 20);
        return CdrJournal.open(config, () -> { }, InstantSource.system(), () -> Long.MAX_VALUE,
                JournalSegment::allocate, personal);
    }

    private boolean anyFileHolds(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.list(dir.resolve("j"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                outer:
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (bytes[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
