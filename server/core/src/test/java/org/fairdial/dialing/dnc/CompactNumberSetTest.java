package org.fairdial.dialing.dnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompactNumberSetTest {

    /** Checks every member and as many non-members against a HashSet. */
    private static void agreesWithHashSet(long[] numbers, long probeRange, long probeBase, SplittableRandom rnd) {
        Set<Long> expected = new HashSet<>();
        for (long n : numbers) {
            expected.add(n);
        }
        CompactNumberSet set = CompactNumberSet.of(numbers);
        assertEquals(expected.size(), set.size());
        for (long n : numbers) {
            assertTrue(set.contains(n), () -> "missing " + n);
        }
        for (int i = 0; i < 20_000; i++) {
            long probe = probeBase + rnd.nextLong(probeRange);
            assertEquals(expected.contains(probe), set.contains(probe), "probe " + probe);
        }
    }

    @Test
    void denseNationalNumbersUseSixteenBitLows() {
        SplittableRandom rnd = new SplittableRandom(1);
        long[] us = new long[50_000];
        for (int i = 0; i < us.length; i++) {
            us[i] = 12_125_550_000L + rnd.nextLong(200_000);
        }
        agreesWithHashSet(us, 400_000, 12_125_450_000L, rnd);
        CompactNumberSet set = CompactNumberSet.of(us);
        assertTrue(set.memoryBytes() < 4L * us.length, "about 2-3 bytes per number: " + set.memoryBytes());
    }

    @Test
    void sparseWorldwideNumbersUseWiderLows() {
        SplittableRandom rnd = new SplittableRandom(2);
        long[] world = new long[10_000];
        for (int i = 0; i < world.length; i++) {
            world[i] = 1 + rnd.nextLong(E164.MAX);
        }
        agreesWithHashSet(world, E164.MAX, 1, rnd);
        long[] few = {447_700_900_123L, 12_125_550_100L, 390_212_345_678L};
        agreesWithHashSet(few, 1_000_000_000_000L, 0, rnd);
    }

    @Test
    void duplicatesInvalidValuesAndEmptySets() {
        CompactNumberSet set = CompactNumberSet.of(5, 5, 5, 7, -1, 0, E164.MAX + 1, 7);
        assertEquals(2, set.size());
        assertTrue(set.contains(5));
        assertTrue(set.contains(7));
        assertFalse(set.contains(6));
        assertFalse(set.contains(-1));
        CompactNumberSet empty = CompactNumberSet.of();
        assertEquals(0, empty.size());
        assertFalse(empty.contains(12_125_550_100L));
        CompactNumberSet one = CompactNumberSet.of(12_125_550_100L);
        assertTrue(one.contains("+12125550100"));
        assertFalse(one.contains("+12125550101"));
        assertFalse(one.contains("12125550100"));
    }

    @Test
    void e164Conversion() {
        assertEquals(390_212_345_678L, E164.toLong("+390212345678"));
        assertEquals(-1, E164.toLong("+0212345678"));
        assertEquals(-1, E164.toLong("+1234567890123456"));
        assertEquals(-1, E164.toLong("+1 212"));
        assertEquals("+12125550100", E164.format(12_125_550_100L));
    }
}
