package org.fairdial.dialing.dnc;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * An immutable set of E.164 numbers (as {@link E164} longs) for lists of up to two billion entries: the numbers'
 * range is cut into about n/4 buckets of 2^shift values; a bucket keeps only the low {@code shift} bits of its
 * members, sorted, in a {@code char[]} (shift up to 16), {@code int[]} (up to 31) or {@code long[]}. A look-up
 * is two reads of the offset table and a binary search of a handful of entries. 100 million US numbers take about
 * 2.6 bytes each (measured by scripts/dnc-benchmark; see docs/compliance.md).
 *
 * <p>Built from a {@link LongSource} in three passes (range, bucket sizes, placement; two when the range is known),
 * so no more memory is needed than the set itself plus its offset table.
 */
public final class CompactNumberSet {
    /** The numbers, delivered in the same order on every call; values outside 1..E164.MAX are skipped. */
    @FunctionalInterface
    public interface LongSource {
        void forEach(LongConsumer sink) throws IOException;
    }

    private static final CompactNumberSet EMPTY = new CompactNumberSet(0, 0, 0, new int[] {0, 0}, null, null,
            new long[0], 0);

    private final long min;
    private final long range;
    private final int shift;
    private final long mask;
    private final int[] offsets;
    private final char[] low16;
    private final int[] low32;
    private final long[] low64;
    private final int size;

    private CompactNumberSet(long min, long range, int shift, int[] offsets, char[] low16, int[] low32,
                             long[] low64, int size) {
        this.min = min;
        this.range = range;
        this.shift = shift;
        this.mask = shift == 64 ? -1L : (1L << shift) - 1;
        this.offsets = offsets;
        this.low16 = low16;
        this.low32 = low32;
        this.low64 = low64;
        this.size = size;
    }

    public static CompactNumberSet of(long... numbers) {
        try {
            return build(sink -> {
                for (long n : numbers) {
                    sink.accept(n);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CompactNumberSet build(LongSource source) throws IOException {
        long[] stats = {Long.MAX_VALUE, Long.MIN_VALUE, 0};
        source.forEach(n -> {
            if (valid(n)) {
                stats[0] = Math.min(stats[0], n);
                stats[1] = Math.max(stats[1], n);
                stats[2]++;
            }
        });
        return build(source, stats[0], stats[1], stats[2]);
    }

    /**
     * Builds from a source whose smallest and largest valid values and count of valid values are already known
     * (counted while parsing), saving the first pass.
     */
    public static CompactNumberSet build(LongSource source, long smallest, long largest, long count)
            throws IOException {
        if (count == 0) {
            return EMPTY;
        }
        if (count > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many numbers for one set: " + count);
        }
        long min = smallest;
        long range = largest - min;
        long targetBuckets = Math.max(1, count / 4);
        int shift = 0;
        while ((range >>> shift) >= targetBuckets) {
            shift++;
        }
        int buckets = (int) (range >>> shift) + 1;
        int n = (int) count;
        int[] offsets = new int[buckets + 1];
        final int s = shift;
        source.forEach(v -> {
            if (valid(v)) {
                offsets[(int) ((v - min) >>> s) + 1]++;
            }
        });
        for (int b = 0; b < buckets; b++) {
            offsets[b + 1] += offsets[b];
        }
        final char[] low16 = shift <= 16 ? new char[n] : null;
        final int[] low32 = shift > 16 && shift <= 31 ? new int[n] : null;
        final long[] low64 = shift > 31 ? new long[n] : null;
        long mask = (1L << shift) - 1;
        // offsets[b] is the next free slot of bucket b; afterwards it is the bucket's end, shifted back below.
        source.forEach(v -> {
            if (valid(v)) {
                long d = v - min;
                int slot = offsets[(int) (d >>> s)]++;
                long low = d & mask;
                if (low16 != null) {
                    low16[slot] = (char) low;
                } else if (low32 != null) {
                    low32[slot] = (int) low;
                } else {
                    low64[slot] = low;
                }
            }
        });
        System.arraycopy(offsets, 0, offsets, 1, buckets);
        offsets[0] = 0;
        int size = sortAndDedupe(offsets, buckets, low16, low32, low64);
        if (n - size <= n / 16) {
            return new CompactNumberSet(min, range, shift, offsets, low16, low32, low64, size);
        }
        // Many duplicates: give the slack back.
        return new CompactNumberSet(min, range, shift, offsets, low16 == null ? null : Arrays.copyOf(low16, size),
                low32 == null ? null : Arrays.copyOf(low32, size), low64 == null ? null : Arrays.copyOf(low64, size),
                size);
    }

    private static int sortAndDedupe(int[] offsets, int buckets, char[] low16, int[] low32, long[] low64) {
        int w = 0;
        for (int b = 0; b < buckets; b++) {
            int start = offsets[b];
            int end = offsets[b + 1];
            offsets[b] = w;
            if (end - start > 1) {
                if (low16 != null) {
                    Arrays.sort(low16, start, end);
                } else if (low32 != null) {
                    Arrays.sort(low32, start, end);
                } else {
                    Arrays.sort(low64, start, end);
                }
            }
            for (int i = start; i < end; i++) {
                if (low16 != null) {
                    if (i == start || low16[i] != low16[w - 1]) {
                        low16[w++] = low16[i];
                    }
                } else if (low32 != null) {
                    if (i == start || low32[i] != low32[w - 1]) {
                        low32[w++] = low32[i];
                    }
                } else if (i == start || low64[i] != low64[w - 1]) {
                    low64[w++] = low64[i];
                }
            }
        }
        offsets[buckets] = w;
        return w;
    }

    static boolean valid(long n) {
        return n > 0 && n <= E164.MAX;
    }

    /** True if the number (an {@link E164} long) is in the set. */
    public boolean contains(long number) {
        long d = number - min;
        if (d < 0 || d > range || size == 0) {
            return false;
        }
        int b = (int) (d >>> shift);
        int lo = offsets[b];
        int hi = offsets[b + 1] - 1;
        if (low16 != null) {
            return search(low16, lo, hi, (char) (d & mask));
        }
        if (low32 != null) {
            return search(low32, lo, hi, (int) (d & mask));
        }
        return search(low64, lo, hi, d & mask);
    }

    // The JDK's binary searches, on the bucket's slice [lo, hi] (the same signed order the arrays are sorted in).
    private static boolean search(char[] a, int lo, int hi, char key) {
        return Arrays.binarySearch(a, lo, hi + 1, key) >= 0;
    }

    private static boolean search(int[] a, int lo, int hi, int key) {
        return Arrays.binarySearch(a, lo, hi + 1, key) >= 0;
    }

    private static boolean search(long[] a, int lo, int hi, long key) {
        return Arrays.binarySearch(a, lo, hi + 1, key) >= 0;
    }

    /** True if the E.164 string ({@code +12125550100}) is in the set. */
    public boolean contains(String e164) {
        long n = E164.toLong(e164);
        return n > 0 && contains(n);
    }

    /** Distinct numbers held. */
    public int size() {
        return size;
    }

    /** Heap taken by the arrays, in bytes. */
    public long memoryBytes() {
        long lows = low16 != null ? 2L * low16.length : low32 != null ? 4L * low32.length : 8L * low64.length;
        return 4L * offsets.length + lows;
    }
}
