package org.fairdial.privacy;

import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * Masks phone numbers for logs and error messages: with the default 4 visible digits {@code +390212345678}
 * becomes {@code ***5678}. A number's first two characters are never shown, whatever the setting, so very short
 * numbers stay unrecognisable.
 *
 * <p>An instance is configuration ({@code dialer.privacy.log-visible-digits}, 0..4) passed through constructors
 * to whatever logs numbers, not a process-wide setting: two servers (or a server and a tool) in one JVM mask
 * each by their own file. The server passes a mask that {@linkplain #following follows} the configuration in
 * force, so a reload that changes the setting changes the next log line.
 */
public final class NumberMask {
    /** Default and upper bound of visible digits. */
    public static final int MAX_VISIBLE_DIGITS = 4;

    /** The default: the last four digits. */
    public static final NumberMask DEFAULT = of(MAX_VISIBLE_DIGITS);

    /** No digit shown: for text where no setting is at hand, as it shows no more than any setting allows. */
    public static final NumberMask HIDDEN = of(0);

    /** What {@link #scrub} takes for a number: six digits or more in a row, with an optional leading +. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("\\+?\\d{6,}");

    private final IntSupplier visibleDigits;

    private NumberMask(IntSupplier visibleDigits) {
        this.visibleDigits = visibleDigits;
    }

    /** A mask showing {@code digits} trailing digits, 0..4. */
    public static NumberMask of(int digits) {
        check(digits);
        return new NumberMask(() -> digits);
    }

    /**
     * A mask that reads its visible digits from {@code digits} at each use (the configuration in force, which a
     * reload swaps); a value out of 0..4 is a caller bug and fails that use.
     */
    public static NumberMask following(IntSupplier digits) {
        return new NumberMask(() -> check(digits.getAsInt()));
    }

    private static int check(int digits) {
        if (digits < 0 || digits > MAX_VISIBLE_DIGITS) {
            throw new IllegalArgumentException("visible digits must be 0.." + MAX_VISIBLE_DIGITS + ": " + digits);
        }
        return digits;
    }

    public int visibleDigits() {
        return visibleDigits.getAsInt();
    }

    public String mask(String number) {
        if (number == null) {
            return "null";
        }
        int visible = Math.min(visibleDigits(), Math.max(0, number.length() - 2));
        return "***" + number.substring(number.length() - visible);
    }

    /**
     * {@code text} with everything that looks like a phone number masked: for text we do not compose ourselves,
     * such as a database driver's error, which quotes the values of the row that failed.
     */
    public String scrub(String text) {
        return text == null ? null : NUMBER_LIKE.matcher(text).replaceAll(m -> mask(m.group()));
    }

    @Override
    public String toString() {
        return "NumberMask[" + visibleDigits() + " visible digits]";
    }
}
