package org.fairdial.privacy;

/** Masks phone numbers for logs: {@code +390212345678} becomes {@code ***5678}. */
public final class NumberMask {
    private static final int VISIBLE_DIGITS = 4;

    private NumberMask() {
    }

    public static String mask(String number) {
        if (number == null) {
            return "null";
        }
        int visible = Math.min(VISIBLE_DIGITS, Math.max(0, number.length() - 2));
        return "***" + number.substring(number.length() - visible);
    }
}
