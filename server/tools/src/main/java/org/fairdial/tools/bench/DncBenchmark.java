package org.fairdial.tools.bench;

import org.fairdial.dialing.dnc.E164;
import org.fairdial.dialing.dnc.NumberListFile;
import org.fairdial.dialing.dnc.CompactNumberSet;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures the national-registry path: writes a synthetic US registry of N ten-digit numbers, loads it with
 * {@link NumberListFile}, and times random look-ups (half present, half absent). Run by scripts/dnc-benchmark,
 * which gives it a fixed heap so "fits" is proven, not estimated. Arguments: {@code N LOOKUPS DIR [SEED]}.
 */
public final class DncBenchmark {
    private DncBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("dnc-benchmark");
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        PrintStream out = System.out;

        Path file = dir.resolve("registry-" + n + ".txt");
        long t0 = System.nanoTime();
        if (!Files.exists(file)) {
            generate(file, n, seed);
        }
        out.printf(Locale.ROOT, "registry file:  %,d numbers, %,d MB (%s), written in %.1f s%n", n,
                Files.size(file) >> 20, file, seconds(t0));

        long before = usedHeapAfterGc();
        resetPeaks();
        t0 = System.nanoTime();
        NumberListFile.Loaded loaded = NumberListFile.load(file, "US");
        double loadSeconds = seconds(t0);
        long peak = peakHeap();
        long after = usedHeapAfterGc();
        CompactNumberSet set = loaded.set();
        out.printf(Locale.ROOT, "load:           %.1f s (%,.0f lines/s), %,d distinct numbers, %,d refused%n",
                loadSeconds, loaded.lines() / loadSeconds, set.size(), loaded.invalid());
        out.printf(Locale.ROOT, "heap:           %,d MB retained after GC (%.2f bytes/number), arrays %,d MB,"
                        + " peak during load %,d MB, -Xmx %,d MB%n", (after - before) >> 20,
                (after - before) / (double) set.size(), set.memoryBytes() >> 20, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);

        long[] keys = lookupKeys(n, lookups, seed);
        String[] strings = new String[Math.min(keys.length, 1_000_000)];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = E164.format(keys[i]);
        }
        // Three measured rounds each, after a warm-up; the machine may be shared, so the best and the median count.
        double[] longNs = new double[3];
        double[] stringNs = new double[3];
        long hits = 0;
        for (int round = -1; round < 3; round++) {
            long t = System.nanoTime();
            hits = 0;
            for (long key : keys) {
                if (set.contains(key)) {
                    hits++;
                }
            }
            double perLong = (System.nanoTime() - t) / (double) keys.length;
            t = System.nanoTime();
            for (String s : strings) {
                if (set.contains(s)) {
                    hits++;
                }
            }
            double perString = (System.nanoTime() - t) / (double) strings.length;
            if (round >= 0) {
                longNs[round] = perLong;
                stringNs[round] = perString;
            }
        }
        Arrays.sort(longNs);
        Arrays.sort(stringNs);
        out.printf(Locale.ROOT, "lookup (long):  best %.0f ns/op, median %.0f ns/op, %,d random look-ups a round%n",
                longNs[0], longNs[1], keys.length);
        out.printf(Locale.ROOT, "lookup (E.164): best %.0f ns/op, median %.0f ns/op incl. parsing the string, %,d a "
                + "round (%,d hits in the last round, about half expected)%n", stringNs[0], stringNs[1],
                strings.length, hits);
    }

    /** Ten-digit US numbers: area code and exchange 200-999, line 0000-9999. */
    private static long usNumber(SplittableRandom rnd) {
        return (200 + rnd.nextInt(800)) * 10_000_000L + (200 + rnd.nextInt(800)) * 10_000L + rnd.nextInt(10_000);
    }

    private static void generate(Path file, long n, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] line = new byte[11];
        line[10] = '\n';
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (long i = 0; i < n; i++) {
                long v = usNumber(rnd);
                for (int d = 9; d >= 0; d--) {
                    line[d] = (byte) ('0' + v % 10);
                    v /= 10;
                }
                os.write(line);
            }
        }
    }

    /** Half the keys are numbers of the file (the generator replayed), half fresh random ones; shuffled. */
    private static long[] lookupKeys(long n, int count, long seed) {
        SplittableRandom replay = new SplittableRandom(seed);
        SplittableRandom fresh = new SplittableRandom(seed + 1);
        long[] keys = new long[count];
        int present = (int) Math.min(n, count / 2);
        for (int i = 0; i < count; i++) {
            keys[i] = 10_000_000_000L + (i < present ? usNumber(replay) : usNumber(fresh));
        }
        SplittableRandom shuffle = new SplittableRandom(seed + 2);
        for (int i = count - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            long t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }
        return keys;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any moment since the reset. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
