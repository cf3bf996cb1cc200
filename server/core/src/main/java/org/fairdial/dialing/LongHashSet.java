package org.fairdial.dialing;

/**
 * A set of positive longs in one open-addressing array (16 bytes per entry at most, no boxing): the import's
 * memory of numbers already seen, so a million-row list is deduplicated in about 16 MB.
 */
final class LongHashSet {
    private long[] table = new long[1024];
    private int size;

    /** Adds the value (must be positive); false if it was present. */
    boolean add(long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("only positive values: " + value);
        }
        if (2 * (size + 1) > table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = mix(value) & mask;
        while (table[i] != 0) {
            if (table[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = value;
        size++;
        return true;
    }

    /** True when the value was added. */
    boolean contains(long value) {
        int mask = table.length - 1;
        int i = mix(value) & mask;
        while (table[i] != 0) {
            if (table[i] == value) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long v : old) {
            if (v != 0) {
                int i = mix(v) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = v;
            }
        }
    }

    private static int mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
