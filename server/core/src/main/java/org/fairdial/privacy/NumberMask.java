package org.fairdial.privacy;

/**
 * Masks phone numbers for logs: with the default 4 visible digits {@code +390212345678} becomes {@code ***5678}.
 *
 * <p>The number of visible digits ({@code dialer.privacy.log-visible-digits}, 0..4) is set once at start-up by
 * {@link #setVisibleDigits}: masking happens wherever a number is logged, across every package, so it is held
 * here like a log level rather than threaded through every constructor. A number's first two characters are
 * never shown, whatever the setting, so very short numbers stay unrecognisable.
 */
public final class NumberMask {
    /** Default and upper bound of visible digits. */
    public static final int MAX_VISIBLE_DIGITS = 4;

    private static volatile int visibleDigits = MAX_VISIBLE_DIGITS;

    private NumberMask() {
    }

    /** Sets how many trailing digits logs show, 0..4. */
    public static void setVisibleDigits(int digits) {
        if (digits < 0 || digits > MAX_VISIBLE_DIGITS) {
            throw new IllegalArgumentException("visible digits must be 0.." + MAX_VISIBLE_DIGITS + ": " + digits);
        }
        visibleDigits = digits;
    }

    public static int visibleDigits() {
        return visibleDigits;
    }

    public static String mask(String number) {
        if (number == null) {
            return "null";
        }
        int visible = Math.min(visibleDigits, Math.max(0, number.length() - 2));
        return "***" + number.substring(number.length() - visible);
    }
}
