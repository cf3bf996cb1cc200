package org.fairdial.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * An IPv4 or IPv6 address block in CIDR notation (RFC 4632, RFC 4291 2.3): {@code 10.0.0.0/8},
 * {@code 2001:db8::/32}; a bare address is a block of one. Only address literals are accepted, never host names,
 * so parsing never asks DNS. An IPv4 address never matches an IPv6 block (nor the reverse), except IPv4-mapped
 * IPv6 addresses ({@code ::ffff:192.0.2.1}), which Java reads as the IPv4 address they carry.
 */
public final class CidrBlock {
    private final byte[] network;
    private final int prefix;
    private final String text;

    private CidrBlock(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses {@code address[/prefix]}.
     *
     * @throws IllegalArgumentException with a message fit for a configuration problem
     */
    public static CidrBlock parse(String cidr) {
        String s = cidr.trim();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literal(host);
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cidr + "' has no numeric prefix length");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.." + bits);
            }
        }
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] &= mask(prefix, i);
        }
        return new CidrBlock(bytes, prefix, s.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code address} (a literal; anything else is outside) lies in this block. */
    public boolean contains(String address) {
        byte[] bytes;
        try {
            bytes = literal(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (bytes.length != network.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & mask(prefix, i)) != network[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether any block of {@code blocks} contains {@code address}; an empty list allows every address. */
    public static boolean allows(List<CidrBlock> blocks, String address) {
        if (blocks.isEmpty()) {
            return true;
        }
        for (CidrBlock block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static byte mask(int prefix, int byteIndex) {
        int bits = Math.max(0, Math.min(8, prefix - byteIndex * 8));
        return (byte) (0xff << (8 - bits));
    }

    private static byte[] literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int zone = h.indexOf('%');
        if (zone >= 0) {
            h = h.substring(0, zone);
        }
        boolean v4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = h.indexOf(':') >= 0 && h.matches("[0-9A-Fa-f:.]+");
        if (v4) {
            for (String octet : h.split("\\.")) {
                v4 &= Integer.parseInt(octet) <= 255;
            }
        }
        if (!v4 && !v6) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv4 or IPv6 address");
        }
        try {
            return InetAddress.getByName(h).getAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv4 or IPv6 address");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CidrBlock other && prefix == other.prefix && java.util.Arrays.equals(network,
                other.network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
