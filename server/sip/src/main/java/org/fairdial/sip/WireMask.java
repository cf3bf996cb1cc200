package org.fairdial.sip;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairdial.privacy.NumberMask;

/**
 * Masks the phone numbers of a SIP message for the wire log: the user part of the Request-URI and of every URI
 * in the headers that name a party (From, To, Contact, P-Asserted-Identity and their kin, compact forms
 * included), and a display name made of digits. Via, Call-ID, CSeq and the body stay as they are: they carry
 * addresses and ids, not numbers (our SDP names no user), and they are what a wire trace is read for.
 */
final class WireMask {
    /** RFC 3261 section 7.3.3 compact forms included: f, t, m, b (Referred-By), r (Refer-To). */
    private static final Set<String> PARTY_HEADERS = Set.of("from", "f", "to", "t", "contact", "m",
            "p-asserted-identity", "p-preferred-identity", "remote-party-id", "diversion", "referred-by", "b",
            "refer-to", "r");
    /** {@code sip:USER@} or {@code sips:USER@}; the user part may carry a password after a colon. */
    private static final Pattern SIP_USER = Pattern.compile("(?i)(sips?:)([^@;>\\s\"<,]+)@");
    /** {@code tel:NUMBER} (RFC 3966) up to its parameters. */
    private static final Pattern TEL = Pattern.compile("(?i)(tel:)([^;>\\s\"<,]+)");

    private WireMask() {
    }

    static String mask(String message, NumberMask mask) {
        int bodyStart = message.indexOf("\r\n\r\n");
        String head = bodyStart < 0 ? message : message.substring(0, bodyStart);
        StringBuilder out = new StringBuilder(message.length());
        String[] lines = head.split("\r\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("\r\n");
            }
            out.append(i == 0 && !lines[0].startsWith("SIP/") ? uris(lines[0], mask) : header(lines[i], mask));
        }
        return bodyStart < 0 ? out.toString() : out.append(message, bodyStart, message.length()).toString();
    }

    private static String header(String line, NumberMask mask) {
        int colon = line.indexOf(':');
        if (colon <= 0 || !PARTY_HEADERS.contains(line.substring(0, colon).trim().toLowerCase(Locale.ROOT))) {
            return line;
        }
        String value = uris(line.substring(colon + 1), mask);
        int angle = value.indexOf('<');
        if (angle > 0) {
            value = mask.scrub(value.substring(0, angle)) + value.substring(angle);
        }
        return line.substring(0, colon + 1) + value;
    }

    private static String uris(String text, NumberMask mask) {
        String sip = replace(SIP_USER.matcher(text), mask, "@");
        return replace(TEL.matcher(sip), mask, "");
    }

    private static String replace(Matcher m, NumberMask mask, String after) {
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + mask.mask(r.group(2)) + after));
    }
}
