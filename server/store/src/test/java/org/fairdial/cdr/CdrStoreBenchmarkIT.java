package org.fairdial.cdr;

import org.fairdial.cdr.store.DurableCdrSink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.fairdial.config.StoreConfig;
import org.fairdial.config.StoreConfig.JournalConfig;
import org.fairdial.storage.Database;
import org.fairdial.storage.H2Fixture;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.PostgresFixture;
import org.fairdial.storage.StoreFixture;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sustained CDR legs per second into PostgreSQL and H2, with the journal on and off, through the production path
 * ({@link DurableCdrSink}: journal append on the producer's thread, batched inserts on the writer's). One producer
 * thread writes as fast as it can; the figure is legs over the time until the last one is committed. Run by
 * {@code scripts/cdr-benchmark}; skipped in the normal test run.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@Timeout(900)
class CdrStoreBenchmarkIT {
    private static final int WARM_UP = 20_000;
    private static final int LEGS = Integer.getInteger("cdr.benchmark.legs", 200_000);
    private static final int ROUNDS = Integer.getInteger("cdr.benchmark.rounds", 3);
    private static final int BATCH = Integer.getInteger("cdr.benchmark.batch", 2000);
    private static final List<String> STORES = List.of(System.getProperty("cdr.benchmark.stores", "postgresql,h2")
            .split(","));

    @TempDir
    Path dir;

    @Test
    void legsPerSecond() throws Exception {
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "fairdial CDR store benchmark: %d legs per run, %d runs each, "
                        + "batch-size %d, %d cores, journal segment 16 MiB on %s", LEGS, ROUNDS, BATCH,
                Runtime.getRuntime().availableProcessors(), Files.getFileStore(dir).type()));
        report.add(String.format(Locale.ROOT, "%-12s %-8s %12s %12s %14s   %s", "store", "journal", "median/s",
                "best/s", "journal cost", "runs (legs/s)"));
        for (String store : STORES) {
            // off and on alternate, so a change in the machine's load weighs on both alike
            List<Double> without = new ArrayList<>();
            List<Double> with = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                without.add(run(store, false, round));
                with.add(run(store, true, round));
            }
            report.add(line(store, "off", without, ""));
            report.add(line(store, "on", with,
                    String.format(Locale.ROOT, "%.0f%%", 100 * (1 - median(with) / median(without)))));
        }
        Path out = Path.of("target", "benchmark", "cdr-store.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(line -> System.out.println("BENCH " + line));
    }

    private static String line(String store, String journal, List<Double> rates, String cost) {
        StringBuilder runs = new StringBuilder();
        rates.forEach(r -> runs.append(String.format(Locale.ROOT, " %.0f", r)));
        return String.format(Locale.ROOT, "%-12s %-8s %12.0f %12.0f %14s  %s", store, journal, median(rates),
                rates.stream().mapToDouble(Double::doubleValue).max().orElse(0), cost, runs);
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = rates.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private double run(String store, boolean journal, int round) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve(store + "-" + journal + "-" + round));
        try (StoreFixture fixture = store.equals("h2") ? new H2Fixture(runDir) : PostgresFixture.create()) {
            StoreConfig base = fixture.config();
            // the reference.conf defaults but for the journal switch and directory
            StoreConfig config = new StoreConfig(base.jdbcUrl(), base.user(), base.password(), 4, BATCH,
                    Duration.ofMillis(200), Duration.ofMillis(500),
                    new JournalConfig(journal, runDir.resolve("journal"), 16L << 20, 64L << 20));
            try (Database db = Database.open(config)) {
                JdbcCdrRepository repository = new JdbcCdrRepository(db);
                try (DurableCdrSink sink = DurableCdrSink.open(repository, config, db::durabilityBarrier,
                        InstantSource.system(), Duration.ofSeconds(60))) {
                    write(sink, WARM_UP);
                    assertTrue(sink.flush(Duration.ofSeconds(120)));
                    List<CdrLeg> legs = legs(LEGS);
                    long start = System.nanoTime();
                    legs.forEach(sink::write);
                    assertTrue(sink.flush(Duration.ofSeconds(600)), "not all committed");
                    double seconds = (System.nanoTime() - start) / 1e9;
                    assertEquals(WARM_UP + LEGS, repository.count());
                    double rate = LEGS / seconds;
                    System.out.printf(Locale.ROOT, "BENCH run %s journal=%s #%d: %.0f legs/s%n", store, journal,
                            round, rate);
                    return rate;
                }
            }
        }
    }

    private static void write(DurableCdrSink sink, int n) {
        legs(n).forEach(sink::write);
    }

    private static List<CdrLeg> legs(int n) {
        List<CdrLeg> legs = new ArrayList<>(n);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < n; i++) {
            legs.add(TestLegs.distinct("bench-" + (i % 4), LegIds.next(), LegIds.next(),
                    "+3902" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000)), t.plusMillis(i)));
        }
        return legs;
    }
}
