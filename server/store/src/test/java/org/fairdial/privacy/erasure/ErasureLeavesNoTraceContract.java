package org.fairdial.privacy.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegIds;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.export.CdrExporter;
import org.fairdial.cdr.export.ExportFormat;
import org.fairdial.cdr.journal.CdrJournal;
import org.fairdial.compliance.Rule;
import org.fairdial.config.CampaignConfig.LeadColumns;
import org.fairdial.config.StoreConfig.JournalConfig;
import org.fairdial.dialing.ImportRefusals;
import org.fairdial.dialing.LeadImport;
import org.fairdial.dialing.LeadStore;
import org.fairdial.dialing.dnc.DoNotCallLists;
import org.fairdial.ports.Denial;
import org.fairdial.ports.DoNotCallEntries;
import org.fairdial.ports.DoNotCallSource;
import org.fairdial.ports.LeadState;
import org.fairdial.privacy.NumberHasher;
import org.fairdial.privacy.NumberMask;
import org.fairdial.storage.AuditEntry;
import org.fairdial.storage.JdbcAuditRepository;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcDenialRepository;
import org.fairdial.storage.JdbcDialHistoryRepository;
import org.fairdial.storage.JdbcDoNotCallRepository;
import org.fairdial.storage.JdbcLeadRepository;
import org.fairdial.storage.JdbcLeadStateRepository;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.fairdial.storage.RecordingStore;
import org.fairdial.storage.StoreTestSupport;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, measured black-box: a number that was in every place the dialer writes to (CDR legs of both kinds, lead
 * list and states, dialing history, do-not-call list, admin audit, journal) is erased, and then no table (every
 * table the store has, found through JDBC metadata, so a table added later is covered too), no export format, no
 * journal file and no log line holds its national significant number, while the do-not-call list still refuses it by
 * its keyed hash and a lead import refuses it with its line number. The same suite on H2 and PostgreSQL.
 */
public abstract class ErasureLeavesNoTraceContract extends StoreTestSupport {
    private static final String N = "+390298765432";
    private static final String OTHER = "+390212340000";
    private static final Instant AT = Instant.parse("2025-06-02T08:00:00Z");

    /** The digits a person would recognise: the number without its country code, in any format. */
    private static final String DIGITS = nationalSignificantNumber(N);

    @TempDir
    Path dir;

    private final NumberHasher hasher = new NumberHasher("no-trace-test-key-01".getBytes(StandardCharsets.UTF_8));
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private JdbcCdrRepository cdrs;
    private JdbcDoNotCallRepository doNotCall;
    private JdbcPrivacyRepository privacy;

    @BeforeEach
    void emptyTablesAndCaptureLogs() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : tables(c)) {
                if (!table.equals("flyway_schema_history")) {
                    s.execute("DELETE FROM " + table);
                }
            }
        }
        cdrs = new JdbcCdrRepository(db());
        doNotCall = new JdbcDoNotCallRepository(db(), NumberMask.DEFAULT);
        privacy = new JdbcPrivacyRepository(db());
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    void afterErasureNoTableExportJournalOrLogHoldsTheNumberAndDoNotCallStillRefusesIt() throws Exception {
        assertEquals("0298765432", DIGITS);
        Path csv = dir.resolve("leads.csv");
        Files.writeString(csv, "number,name\n02 9876 5432,Ada\n02 1234 0000,Bob\n");
        LeadStore leads = new LeadStore(new JdbcLeadRepository(db()));
        assertEquals(2, leads.importList("c", csv, LeadColumns.DEFAULT, "IT").leads());
        UUID call = UUID.randomUUID();
        CdrLeg customer = TestLegs.distinct("c", LegIds.next(), call, N, AT);
        CdrLeg agent = agentLeg(call, N);
        CdrLeg other = TestLegs.distinct("c", LegIds.next(), UUID.randomUUID(), OTHER, AT);
        cdrs.insertBatch(List.of(customer, agent, other));
        new JdbcLeadStateRepository(db()).save(new LeadState("c", N, N, 3, Disposition.NO_ANSWER, AT, null, false));
        JdbcDialHistoryRepository history = new JdbcDialHistoryRepository(db(), NumberMask.DEFAULT);
        history.recordAttempt(N, "c", N, true, AT);
        history.recordAbandon(N, AT);
        new JdbcDenialRepository(db()).recordAll(List.of(new Denial(UUID.randomUUID(), "c", N, N,
                Rule.CALLING_HOURS, "outside calling hours", AT.plusSeconds(3600), AT)));
        // What the admin API writes when a supervisor lists, then an admin unlists and lists the number again.
        assertTrue(doNotCall.add(N, DoNotCallEntries.INTERNAL, DoNotCallSource.API, "asked on the phone", AT));
        JdbcAuditRepository audit = new JdbcAuditRepository(db());
        audit.insert(new AuditEntry(UUID.randomUUID(), AT, "sup", "supervisor", "POST /api/dnc", 201, "127.0.0.1",
                "add " + N + ": asked on the phone"));
        audit.insert(new AuditEntry(UUID.randomUUID(), AT, "root", "admin", "DELETE /api/dnc/%2B" + N.substring(1),
                404, "127.0.0.1", null));
        JournalConfig journal = new JournalConfig(true, dir.resolve("journal"), 1L << 20, 4L << 20);
        try (CdrJournal j = CdrJournal.open(journal, () -> { }, InstantSource.system(), personalData()).journal()) {
            j.ended(TestLegs.distinct("c", LegIds.next(), UUID.randomUUID(), N, AT.plusSeconds(60)));
            j.ended(agentLeg(UUID.randomUUID(), N));
        }
        // A recording of a call to the number and one of another number's call.
        RecordingStore recordings = new RecordingStore(dataSource(), personalData(), dir.resolve("recordings"));
        String recorded = record(recordings, call, customer.legId(), N);
        String kept = record(recordings, other.callId(), other.legId(), OTHER);
        String before = String.join("\n", traces());
        if (personalData().enabled()) {
            // Encrypted at rest: no table and no journal file holds the number; only an (admin) export shows it.
            assertEquals(List.of("export CSV", "export JSONL", "export ASTERISK_CSV"), traces(), before);
            assertEquals(DoNotCallEntries.INTERNAL, doNotCall.find(N, "c"), "found through the blind index");
        }
        List<String> inClear = List.of("cdr_leg.from_uri", "cdr_leg.normalized_number", "campaign_lead.raw_number",
                "lead_state.number", "dial_attempt.number", "number_abandon.number", "dial_denial.number",
                "do_not_call.number", "admin_audit.detail", "admin_audit.action", "export CSV", "export JSONL",
                "export ASTERISK_CSV", "journal file");
        for (String place : personalData().enabled() ? List.<String>of() : inClear) {
            assertTrue(before.contains(place), "the search finds the number in " + place + " before: " + before);
        }

        PrivacyEraser.Result r = new PrivacyEraser(privacy, hasher, new DoNotCallLists(Map.of(), Map.of(),
                doNotCall).optOutRegistry(), journal, InstantSource.fixed(AT.plusSeconds(7200)), recordings)
                .erase(N, false, "dpo", "ticket 9");
        LeadImport.Report again = leads.importList("c", csv, LeadColumns.DEFAULT, "IT",
                ImportRefusals.load("c", hasher, privacy, doNotCall));

        assertEquals(List.of(), traces());
        assertEquals(1, r.recordings(), "the number's recording is deleted");
        assertTrue(recordings.find(recorded).isEmpty());
        try (Stream<Path> files = Files.list(dir.resolve("recordings"))) {
            assertEquals(List.of(kept), files.map(f -> f.getFileName().toString().replaceAll("\\..*", ""))
                    .toList(), "only the other number's recording file is left");
        }
        try (var audio = recordings.audio(recordings.find(kept).orElseThrow()).wav()) {
            assertEquals(44 + 4, audio.readAllBytes().length, "the other recording still plays");
        }
        assertEquals(1, r.tables().doNotCallHashed(), "the do-not-call request outlives the erasure");
        assertEquals(2, r.tables().auditEntries());
        assertEquals(2, r.tables().cdrLegs(), "the customer leg and the agent leg that presented the number");
        assertEquals("2 record(s) blanked", r.journal());
        DoNotCallLists lists = new DoNotCallLists(Map.of(), Map.of(), doNotCall);
        lists.matchHashedWith(hasher);
        assertEquals("internal", lists.matchAny(N), "still refused, by its hash");
        assertEquals(null, lists.matchAny(OTHER));
        assertEquals(1, again.rejected());
        assertEquals(2, again.firstErrors().get(0).line());
        assertEquals(1, again.leads(), "the other number is imported again, unchanged");
        assertEquals(List.of(OTHER), leads.all("c").stream().map(l -> l.e164()).toList());
        assertNotNull(cdrs.findByCall(other.callId()).get(0).normalizedNumber(), "other numbers untouched");
        assertEquals(agent.toUri(), cdrs.findByCall(call).stream().filter(l -> l.kind() == LegKind.AGENT)
                .findFirst().orElseThrow().toUri(), "the agent leg keeps what is the agent's");
    }

    private static String record(RecordingStore recordings, UUID call, UUID leg, String number) throws IOException {
        var opened = recordings.open(new org.fairdial.call.CallRecordings.Start(call, leg, "c", number, AT, true));
        try (var out = opened.sink()) {
            out.write(org.fairdial.media.record.WavFormat.header(2, -1));
            out.write(new byte[] {1, 2, 3, 4});
        }
        return opened.id();
    }

    /** Every place outside the erasure audit's hash that holds the number's digits, described. */
    private List<String> traces() throws IOException, SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : tables(c)) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rs.getString(i);
                            if (holdsDigits(value)) {
                                found.add(table + "." + rs.getMetaData().getColumnName(i) + " = " + value);
                            }
                        }
                    }
                }
            }
        }
        for (ExportFormat format : ExportFormat.values()) {
            StringWriter out = new StringWriter();
            new CdrExporter(cdrs).export(Instant.EPOCH, AT.plusSeconds(86_400), null, format, out);
            if (holdsDigits(out.toString())) {
                found.add("export " + format);
            }
        }
        byte[] digits = DIGITS.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(dir.resolve("journal"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), digits) >= 0) {
                    found.add("journal file " + file.getFileName());
                }
            }
        }
        for (ILoggingEvent event : logs.list) {
            if (holdsDigits(event.getFormattedMessage()) || (event.getThrowableProxy() != null
                    && holdsDigits(event.getThrowableProxy().getMessage()))) {
                found.add("log: " + event.getFormattedMessage());
            }
        }
        return found;
    }

    /** The digits in the text, written as they may be: {@code 02 9876 5432}, {@code (02) 9876-5432}. */
    private static boolean holdsDigits(String text) {
        return text != null && text.replaceAll("[\\s().\\-/]", "").contains(DIGITS);
    }

    private static List<String> tables(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.contains("cdr_leg") && tables.contains("admin_audit"), "tables found: " + tables);
        return tables;
    }

    private static CdrLeg agentLeg(UUID call, String presented) {
        CdrLeg a = TestLegs.agent("c", call, Disposition.ANSWERED, AT);
        return new CdrLeg(a.legId(), call, LegKind.AGENT, "c", null, a.dialedNumber(), null,
                "sip:" + presented + "@dialer.test", a.toUri(), a.callerId(), null, a.agent(), a.sipCallId(),
                a.createdAt(), a.ringingAt(), a.answeredAt(), a.bridgedAt(), a.endedAt(), a.postDialDelayMs(), false,
                a.ringMs(), a.talkMs(), a.disposition(), a.sipCode(), a.sipReason(), null, a.hangupSide(), false, 0,
                a.rtpSent(), a.rtpReceived(), a.rtpLost());
    }

    private static String nationalSignificantNumber(String e164) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.getNationalSignificantNumber(util.parse(e164, null));
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
