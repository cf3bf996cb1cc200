package org.fairdial.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrBlockTest {
    @Test
    void ipv4BlocksMatchTheirPrefixOnly() {
        CidrBlock block = CidrBlock.parse("10.1.0.0/16");
        assertTrue(block.contains("10.1.0.1"));
        assertTrue(block.contains("10.1.255.255"));
        assertFalse(block.contains("10.2.0.1"));
        assertFalse(block.contains("11.1.0.1"));
        assertTrue(CidrBlock.parse("192.0.2.77/27").contains("192.0.2.64"), "host bits of the network are masked");
        assertFalse(CidrBlock.parse("192.0.2.77/27").contains("192.0.2.96"));
        assertTrue(CidrBlock.parse("0.0.0.0/0").contains("203.0.113.9"));
    }

    @Test
    void aBareAddressIsABlockOfOne() {
        CidrBlock one = CidrBlock.parse("127.0.0.2");
        assertTrue(one.contains("127.0.0.2"));
        assertFalse(one.contains("127.0.0.1"));
    }

    @Test
    void ipv6BlocksIncludingOddPrefixes() {
        CidrBlock block = CidrBlock.parse("2001:db8::/32");
        assertTrue(block.contains("2001:db8::1"));
        assertTrue(block.contains("2001:0db8:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertFalse(block.contains("2001:db9::1"));
        CidrBlock odd = CidrBlock.parse("fe80::/10");
        assertTrue(odd.contains("febf::1"));
        assertFalse(odd.contains("fec0::1"));
        assertTrue(CidrBlock.parse("[::1]").contains("::1"));
        assertTrue(CidrBlock.parse("fe80::/64").contains("fe80::1%lo"), "a zone index is not part of the address");
    }

    @Test
    void familiesNeverMatchEachOther() {
        assertFalse(CidrBlock.parse("::/0").contains("127.0.0.1"));
        assertFalse(CidrBlock.parse("0.0.0.0/0").contains("::1"));
        assertTrue(CidrBlock.parse("192.0.2.0/24").contains("::ffff:192.0.2.1"), "IPv4-mapped is IPv4");
    }

    @Test
    void namesAndBadPrefixesAreRefusedWithoutALookup() {
        assertEquals("'example.com' is not an IPv4 or IPv6 address",
                assertThrows(IllegalArgumentException.class, () -> CidrBlock.parse("example.com")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CidrBlock.parse("300.1.1.1"));
        assertThrows(IllegalArgumentException.class, () -> CidrBlock.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> CidrBlock.parse("::/129"));
        assertThrows(IllegalArgumentException.class, () -> CidrBlock.parse("10.0.0.0/x"));
        assertFalse(CidrBlock.parse("10.0.0.0/8").contains("not-an-address"));
    }

    @Test
    void anEmptyListAllowsEveryone() {
        assertTrue(CidrBlock.allows(List.of(), "198.51.100.1"));
        List<CidrBlock> list = List.of(CidrBlock.parse("10.0.0.0/8"), CidrBlock.parse("2001:db8::/32"));
        assertTrue(CidrBlock.allows(list, "2001:db8::5"));
        assertTrue(CidrBlock.allows(list, "10.9.9.9"));
        assertFalse(CidrBlock.allows(list, "127.0.0.1"));
    }
}
