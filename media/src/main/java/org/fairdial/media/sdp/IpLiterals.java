package org.fairdial.media.sdp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP address literals parsed without a name lookup: a DNS query would block the caller (a call's thread). */
public final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    /** Only hex digits, colons and dots, with a colon: the JDK parses such a string as IPv6 and never looks it up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiterals() {
    }

    /** The address {@code text} spells (dotted-quad IPv4 or an IPv6 literal), or null when it is not one. */
    public static InetAddress parse(String text) {
        if (text == null || !IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
