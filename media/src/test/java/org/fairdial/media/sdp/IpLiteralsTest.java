package org.fairdial.media.sdp;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IpLiteralsTest {
    @Test
    void ipLiteralsAreTakenAndNamesAreNot() {
        for (String ok : new String[] {"127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::", "fe80::1",
                "2001:db8::8:800:200c:417a", "::ffff:192.0.2.1"}) {
            assertNotNull(IpLiterals.parse(ok), ok);
        }
        for (String bad : new String[] {"localhost", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4x", "media.example",
                "", "1::2::3", "abc"}) {
            assertNull(IpLiterals.parse(bad), bad);
        }
    }
}
