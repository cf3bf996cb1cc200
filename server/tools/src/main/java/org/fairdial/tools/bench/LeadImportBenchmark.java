package org.fairdial.tools.bench;

import org.fairdial.dialing.LeadImport;
import org.fairdial.dialing.LeadStore;
import org.fairdial.dialing.Lead;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.fairdial.config.CampaignConfig.LeadColumns;
import org.fairdial.config.StoreConfig;
import org.fairdial.privacy.BlindIndex;
import org.fairdial.privacy.FieldCipher;
import org.fairdial.privacy.PersonalData;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcLeadRepository;
import org.fairdial.storage.KeyRotation;

/**
 * Shows that a lead import streams: writes a CSV of ROWS leads (Italian numbers in mixed formats, 5% duplicates,
 * 1% bad rows, consent and custom columns), imports it into a sink that keeps nothing, and prints rows/s and the
 * heap's peak; with {@code store}, imports into an H2 file store in DIR through {@link LeadStore} instead, and
 * with {@code store encrypted} with encryption at rest on (random keys), then times {@code rotate-keys} to a new
 * data key over the imported rows. Run by scripts/lead-import-benchmark with a small fixed heap. Arguments:
 * {@code ROWS DIR [store [encrypted]]}.
 */
public final class LeadImportBenchmark {
    private LeadImportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("lead-import");
        PrintStream out = System.out;
        Path file = dir.resolve("leads-" + rows + ".csv");
        long t0 = System.nanoTime();
        write(file, rows);
        out.printf(Locale.ROOT, "lead file:  %,d rows, %,d MB, written in %.1f s%n", rows, Files.size(file) >> 20,
                (System.nanoTime() - t0) / 1e9);

        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        LeadColumns columns = new LeadColumns("number", "name", "tz", "consent_source", "consent_at");
        long[] fields = new long[1];
        boolean store = args.length > 2 && args[2].equals("store");
        boolean encrypted = store && args.length > 3 && args[3].equals("encrypted");
        SecureRandom random = new SecureRandom();
        byte[][] keys = new byte[3][32];
        for (byte[] key : keys) {
            random.nextBytes(key);
        }
        PersonalData personal = encrypted ? PersonalData.encrypted(new FieldCipher(Map.of("k1", keys[0]), "k1"),
                new BlindIndex(keys[2])) : PersonalData.PLAINTEXT;
        t0 = System.nanoTime();
        LeadImport.Report report;
        if (store) {
            String url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            StoreConfig config = new StoreConfig(url, "sa", "", 2, 500, Duration.ofMillis(200), Duration.ofMillis(500));
            try (Database db = Database.open(config, personal)) {
                JdbcLeadRepository repository = new JdbcLeadRepository(db);
                report = new LeadStore(repository).importList("bench", file, columns, "IT");
                fields[0] = repository.count("bench");
            }
            if (encrypted) {
                PersonalData rotated = PersonalData.encrypted(new FieldCipher(Map.of("k1", keys[0], "k2", keys[1]),
                        "k2"), new BlindIndex(keys[2]));
                long r0 = System.nanoTime();
                long rewritten;
                try (Database db = Database.open(config, rotated)) {
                    rewritten = new KeyRotation(db).rotate(1000).total();
                }
                double rs = (System.nanoTime() - r0) / 1e9;
                out.printf(Locale.ROOT, "rotate:     %.1f s (%,.0f rows/s): %,d rows re-encrypted k1 -> k2, batches of"
                        + " 1,000%n", rs, rewritten / rs, rewritten);
            }
        } else {
            report = LeadImport.run(file, columns, "IT", lead -> fields[0] += lead.fields().size());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        out.printf(Locale.ROOT, "import:     %.1f s (%,.0f rows/s): %,d leads, %,d duplicates merged, %,d rows "
                        + "refused (first: %s), %,d %s%n", seconds, rows / seconds, report.leads(),
                report.duplicates(), report.rejected(),
                report.firstErrors().isEmpty() ? "-" : report.firstErrors().get(0), fields[0],
                store ? (encrypted ? "rows in the H2 store, encrypted" : "rows in the H2 store") : "custom fields");
        out.printf(Locale.ROOT, "heap:       peak %,d MB during the import, -Xmx %,d MB%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void write(Path file, int rows) throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("number,name,tz,consent_source,consent_at,product,notes\n");
            for (int i = 0; i < rows; i++) {
                int id = rnd.nextInt(100) < 5 && i > 0 ? rnd.nextInt(i) : i;
                String number = switch (id % 3) {
                    case 0 -> "+39 02 " + (10_000_000 + id);
                    case 1 -> "02 " + (10_000_000 + id);
                    default -> "3" + (300_000_000 + id);
                };
                if (rnd.nextInt(100) == 0) {
                    number = "n/a";
                }
                w.write(number + ",Lead " + id + ",Europe/Rome,web form,2024-05-01T10:15:30Z,gas,\"called, "
                        + "no answer\"\n");
            }
        }
    }
}
