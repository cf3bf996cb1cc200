package org.fairdial.dialing.dnc;

/**
 * E.164 numbers as {@code long}s: the digits after the {@code +} read as one decimal number. Country codes never
 * start with 0 and E.164 allows at most 15 digits, so the mapping is one-to-one and fits in 50 bits.
 */
public final class E164 {
    /** Largest value: 15 nines. */
    static final long MAX = 999_999_999_999_999L;

    private E164() {
    }

    /** {@code "+12125550100"} to 12125550100; -1 for anything that is not {@code +} and 1..15 digits. */
    public static long toLong(String e164) {
        int n = e164.length();
        if (n < 2 || n > 16 || e164.charAt(0) != '+' || e164.charAt(1) == '0') {
            return -1;
        }
        long value = 0;
        for (int i = 1; i < n; i++) {
            char c = e164.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public static String format(long value) {
        return "+" + value;
    }
}
