package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import org.junit.jupiter.api.Test;

/** Which transport a call to an agent's registered contact takes, TLS for {@code sips:} and {@code transport=tls}. */
class AgentTransportTest {
    private final AddressFactory addresses;

    AgentTransportTest() throws Exception {
        addresses = SipFactory.getInstance().createAddressFactory();
    }

    private String transport(String uri) throws Exception {
        return OutboundLegs.transportOf(addresses.createURI(uri));
    }

    @Test
    void transportParameterWins() throws Exception {
        assertEquals("tls", transport("sip:1002@127.0.0.1:5062;transport=TLS"));
        assertEquals("tcp", transport("sip:1002@127.0.0.1:5062;transport=tcp"));
    }

    @Test
    void sipsWithoutParameterIsTls() throws Exception {
        assertEquals("tls", transport("sips:1002@127.0.0.1:5062"));
    }

    @Test
    void plainSipIsUdp() throws Exception {
        assertEquals("udp", transport("sip:1002@127.0.0.1:5062"));
        assertEquals("udp", transport("tel:+390212345678"));
    }
}
