package org.fairdial.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;

/**
 * Key presses sent in SIP INFO, the fallback of phones and gateways that do not send RFC 4733 events:
 * {@code application/dtmf-relay} bodies ({@code Signal=5} and {@code Duration=160} lines, the de-facto format of
 * Cisco and most SBCs) and the bare {@code application/dtmf} digit.
 */
final class DtmfRelay {
    /** What {@link #digit} returns when the INFO carries no key. */
    static final char NONE = 0;
    private static final String KEYS = "0123456789*#";

    private DtmfRelay() {
    }

    /** Whether the INFO's body is one of the DTMF formats we read. */
    static boolean isDtmf(Request info) {
        ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
        if (type == null || !"application".equalsIgnoreCase(type.getContentType())) {
            return false;
        }
        String sub = type.getContentSubType().toLowerCase(Locale.ROOT);
        return sub.equals("dtmf-relay") || sub.equals("dtmf");
    }

    /** The key of a DTMF INFO body, or {@link #NONE} (no Signal line, or a key that is not 0-9, * or #). */
    static char digit(Request info) {
        byte[] raw = info.getRawContent();
        if (raw == null) {
            return NONE;
        }
        String body = new String(raw, StandardCharsets.UTF_8).trim();
        ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
        if ("dtmf".equalsIgnoreCase(type.getContentSubType())) {
            return key(body);
        }
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).trim().equalsIgnoreCase("Signal")) {
                return key(line.substring(eq + 1).trim());
            }
        }
        return NONE;
    }

    private static char key(String value) {
        if (value.length() == 1 && KEYS.indexOf(value.charAt(0)) >= 0) {
            return value.charAt(0);
        }
        // RFC 4733 event codes written as numbers: 10 is *, 11 is #.
        return value.equals("10") ? '*' : value.equals("11") ? '#' : NONE;
    }
}
