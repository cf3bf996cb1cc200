package org.fairdial.cdr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fairdial.app.DialerCli;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegIds;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code cdr}, {@code report} and {@code privacy} commands, run as an operator would, on an H2 store. */
class CdrCliTest {
    private static final String NUMBER = "+390299001234";

    @TempDir
    Path dir;

    private Path conf;
    private List<CdrLeg> legs;

    @BeforeEach
    void store() throws Exception {
        conf = dir.resolve("dialer.conf");
        Files.writeString(conf, """
                dialer.store {
                  jdbc-url = "jdbc:h2:file:%s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                  journal.directory = "%s"
                }
                dialer.privacy.hash-key = "cli-test-key-0123456789"
                dialer.campaigns.spring.profile = uk-ofcom
                """.formatted(dir.resolve("store"), dir.resolve("journal")));
        legs = new ArrayList<>();
        Instant t = Instant.parse("2025-05-05T10:00:00Z");
        for (int i = 0; i < 20; i++) {
            legs.add(TestLegs.distinct(i < 15 ? "spring" : "autumn", LegIds.next(), UUID.randomUUID(),
                    i == 0 ? NUMBER : "+39029900" + (5000 + i), t.plusSeconds(i)));
        }
        try (Database db = Database.open(DialerConfigLoader.loadForTools(conf).store())) {
            new JdbcCdrRepository(db).insertBatch(legs);
        }
    }

    @Test
    void exportWritesCsvJsonlAndAsteriskLayout() throws Exception {
        Path csv = dir.resolve("out.csv");
        assertEquals(0, run("cdr", "export", "-c", conf.toString(), "--from", "2025-05-05", "--to", "2025-05-06",
                "--campaign", "spring", "-o", csv.toString()).code());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(16, lines.size());
        assertTrue(lines.get(0).startsWith("leg_id,call_id,"));
        Run jsonl = run("cdr", "export", "-c", conf.toString(), "--from", "2025-05-05T00:00:00Z",
                "--to", "2025-05-06T00:00:00Z", "--format", "jsonl");
        assertEquals(20, jsonl.out().lines().count());
        Run asterisk = run("cdr", "export", "-c", conf.toString(), "--from", "2025-05-05", "--to", "2025-05-06",
                "--asterisk-csv");
        assertEquals(18, fields(asterisk.out().lines().findFirst().orElseThrow()), asterisk.out());
        assertEquals(2, run("cdr", "export", "-c", conf.toString(), "--from", "2025-05-05", "--to", "2025-05-06",
                "--format", "xml").code());
    }

    @Test
    void complianceReportPrintsTableOrJson() throws Exception {
        Run table = run("report", "compliance", "-c", conf.toString(), "--campaign", "spring", "--from",
                "2025-05-01");
        assertTrue(table.out().contains("Compliance report, campaign spring (profile uk-ofcom)"), table.out());
        assertTrue(table.out().contains("UK_OFCOM_24H"), table.out());
        assertEquals(0, table.code(), table.out());
        Run json = run("report", "compliance", "-c", conf.toString(), "--campaign", "spring", "--json",
                "--formula", "it-garante", "--from", "2025-05-01");
        assertTrue(json.out().startsWith("{\"campaign\":\"spring\",\"profile\":\"uk-ofcom\""), json.out());
        assertTrue(json.out().contains("\"formula\":\"IT_GARANTE_CUMULATIVE\""), json.out());
        assertTrue(json.out().contains("\"answered_live\":15"), json.out());
    }

    @Test
    void ofcomReportShowsTheAnsweringMachineEstimateItsRateUsed() throws Exception {
        // 6 May 2025 (London): 110 calls put through, 20 of them disposed ANSWERING_MACHINE, 4 abandoned.
        Instant t = Instant.parse("2025-05-06T10:00:00Z");
        List<CdrLeg> day = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            day.add(TestLegs.distinct("spring", LegIds.next(), UUID.randomUUID(), "+39029901" + (1000 + i),
                    t.plusSeconds(i)));
        }
        for (int i = 0; i < 4; i++) {
            day.add(TestLegs.customer("spring", Disposition.ABANDONED, t.plusSeconds(200 + i)));
        }
        try (Database db = Database.open(DialerConfigLoader.loadForTools(conf).store())) {
            JdbcCdrRepository cdrs = new JdbcCdrRepository(db);
            cdrs.insertBatch(day);
            for (int i = 0; i < 20; i++) {
                assertEquals(1, cdrs.recordDisposition(day.get(i).callId(), "ANSWERING_MACHINE"));
            }
        }
        Run table = run("report", "compliance", "-c", conf.toString(), "--campaign", "spring", "--formula",
                "uk-ofcom", "--from", "2025-05-06", "--to", "2025-05-07");
        assertTrue(table.out().contains("machines: answering machines agents reported; share: M / (M + L)"),
                table.out());
        String row = table.out().lines().filter(l -> l.startsWith("  2025-05-06 00:00")).findFirst()
                .orElseThrow(() -> new AssertionError(table.out()));
        // answered 114, abandoned 4, machines 20, share 20/130, D' = 4 x 110/130, rate D' / (D' + 110)
        assertEquals(List.of("114", "4", "20", "15.38%", "3.38", "2.99%"),
                List.of(row.trim().split("\\s+")).subList(5, 11), row);
        Run json = run("report", "compliance", "-c", conf.toString(), "--campaign", "spring", "--json",
                "--formula", "uk-ofcom", "--from", "2025-05-06", "--to", "2025-05-07");
        double share = 20.0 / 130;
        double live = 4 * (1 - share);
        assertTrue(json.out().contains("\"answered_live\":114,\"abandoned\":4,\"machines\":20,\"machine_share\":"
                + share + ",\"abandoned_counted_live\":" + live + ",\"abandon_rate\":" + live / (live + 110)),
                json.out());
    }

    @Test
    void complianceReportListsTheTsrRecordsOfEachCallOfThePeriod() throws Exception {
        Run table = run("report", "compliance", "-c", conf.toString(), "--campaign", "spring", "--from",
                "2025-05-05T10:00:00Z", "--to", "2025-05-05T10:00:05Z", "--records");
        assertEquals(0, table.code(), table.out());
        assertTrue(table.out().contains("TSR call records (16 CFR 310.5(a)(2)), campaign spring"), table.out());
        assertTrue(table.out().contains("5 call(s)"), table.out());
        Run json = run("report", "compliance", "-c", conf.toString(), "--campaign", "spring", "--json",
                "--formula", "us-tsr", "--from", "2025-05-05T10:00:00Z", "--to", "2025-05-05T10:00:03Z", "--records");
        List<String> records = json.out().lines().filter(l -> l.startsWith("{\"leg_id\"")).toList();
        assertEquals(3, records.size(), json.out());
        assertTrue(records.get(0).contains("\"called_number\":\"" + NUMBER + "\",\"calling_number\":\"+442079460000\""),
                records.get(0));
        assertTrue(records.get(0).contains("\"disposition\":\"ANSWERED\",\"prompt_played\":false"), records.get(0));
    }

    @Test
    void eraseTakesANationalNumberAndReportsWhatItDid() throws Exception {
        Run erase = run("privacy", "erase", "-c", conf.toString(), "02 9900 1234", "--region", "IT", "--opted-out",
                "--by", "dpo", "--reason", "ticket 7");
        assertEquals(0, erase.code(), erase.out());
        assertTrue(erase.out().contains("erased ***1234"), erase.out());
        assertTrue(erase.out().contains("1 CDR leg(s) anonymized"), erase.out());
        assertTrue(!erase.out().contains(NUMBER), "the number is not printed in full");
        try (Database db = Database.open(DialerConfigLoader.loadForTools(conf).store())) {
            assertNull(new JdbcCdrRepository(db).findByCall(legs.get(0).callId()).get(0).normalizedNumber());
        }
        Run purge = run("privacy", "purge", "-c", conf.toString());
        assertEquals(0, purge.code());
        assertTrue(purge.out().contains("retention (1825 days, anonymize)"), purge.out());
    }

    @Test
    void rotateKeysEncryptsAStoreWrittenInClearAndTheExportDecryptsAndIsAudited() throws Exception {
        Path encrypted = dir.resolve("encrypted.conf");
        // The keys are in this JVM's environment (tools/pom.xml, surefire): test keys, as production reads them.
        Files.writeString(encrypted, Files.readString(conf) + """
                dialer.privacy.encryption {
                  enabled = true
                  keys { k1 = FAIRDIAL_TEST_DATA_KEY_1, k2 = FAIRDIAL_TEST_DATA_KEY_2 }
                  current-key-id = k1
                  index-key-env = FAIRDIAL_TEST_INDEX_KEY
                }
                """);
        assertEquals(2, run("privacy", "rotate-keys", "-c", conf.toString()).code(), "encryption off: refused");
        Run rotate = run("privacy", "rotate-keys", "-c", encrypted.toString(), "--batch-size", "7");
        assertEquals(0, rotate.code(), rotate.out());
        assertTrue(rotate.out().contains("cdr_leg: 20 row(s) rewritten"), rotate.out());
        assertTrue(rotate.out().contains("numbers in clear left: none"), rotate.out());
        String digits = NUMBER.substring(3);
        try (Database db = Database.open(DialerConfigLoader.loadForTools(conf).store());
             java.sql.Connection c = db.dataSource().getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT * FROM cdr_leg")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String value = rs.getString(i);
                    assertTrue(value == null || !value.contains(digits), rs.getMetaData().getColumnName(i) + " = "
                            + value);
                }
            }
        }
        Path csv = dir.resolve("decrypted.csv");
        assertEquals(0, run("cdr", "export", "-c", encrypted.toString(), "--from", "2025-05-05", "--to",
                "2025-05-06", "-o", csv.toString()).code());
        assertTrue(Files.readString(csv).contains(NUMBER), "the operator's export decrypts");
        Run records = run("report", "compliance", "-c", encrypted.toString(), "--campaign", "spring", "--from",
                "2025-05-05T10:00:00Z", "--to", "2025-05-05T10:00:05Z", "--records");
        assertTrue(records.out().contains("5 call(s)"), records.out());
        assertTrue(records.out().contains(NUMBER), "the TSR records name the called number");
        try (Database db = Database.open(DialerConfigLoader.loadForTools(conf).store())) {
            List<org.fairdial.storage.AuditEntry> audit = new org.fairdial.storage.JdbcAuditRepository(
                    db.dataSource()).recent(5);
            assertEquals(List.of("dialer report compliance --records", "dialer cdr export"),
                    audit.stream().map(org.fairdial.storage.AuditEntry::action).toList());
            assertEquals(System.getProperty("user.name"), audit.get(1).actor());
            assertTrue(audit.get(1).detail().contains("20 leg(s) decrypted"), audit.get(1).detail());
            assertTrue(audit.get(0).detail().endsWith("campaign spring: 5 call(s) decrypted"), audit.get(0).detail());
        }
        // Rotating to k2: every envelope re-encrypted, after which k1 may go.
        Files.writeString(encrypted, Files.readString(encrypted).replace("current-key-id = k1", "current-key-id = k2"));
        Run again = run("privacy", "rotate-keys", "-c", encrypted.toString());
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains("cdr_leg: 20 row(s) rewritten"), again.out());
        Files.writeString(encrypted, Files.readString(encrypted).replace("k1 = FAIRDIAL_TEST_DATA_KEY_1, ", ""));
        assertEquals(0, run("cdr", "export", "-c", encrypted.toString(), "--from", "2025-05-05", "--to",
                "2025-05-06", "-o", csv.toString()).code());
        assertTrue(Files.readString(csv).contains(NUMBER), "read with k2 alone");
    }

    /** Fields of a CSV line, commas inside quotes not counted. */
    private static int fields(String line) {
        int fields = 1;
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields++;
            }
        }
        return fields;
    }

    private record Run(int code, String out) {
    }

    private static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            int code = DialerCli.commandLine().execute(args);
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
