package org.fairdial.demo;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Properties;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Response;
import org.fairdial.sip.Slf4jServerLogger;
import org.fairdial.sip.Slf4jStackLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A plain JAIN-SIP user agent stack on one UDP port, shared plumbing of the demo's carrier and agents. */
final class DemoSip implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSip.class);

    final SipStack stack;
    final SipProvider provider;
    final AddressFactory addresses;
    final HeaderFactory headers;
    final MessageFactory messages;
    final String host;
    final int port;

    DemoSip(String name, String host, int port, SipListener listener) throws Exception {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        stack = factory.createSipStack(p);
        ListeningPoint lp = stack.createListeningPoint(host, port, "udp");
        provider = stack.createSipProvider(lp);
        provider.addSipListener(listener);
        addresses = factory.createAddressFactory();
        headers = factory.createHeaderFactory();
        messages = factory.createMessageFactory();
        this.host = host;
        this.port = port;
        stack.start();
    }

    ContactHeader contact(String user) throws ParseException {
        var uri = addresses.createSipURI(user, host);
        uri.setPort(port);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    ServerTransaction transaction(RequestEvent event) throws SipException {
        return event.getServerTransaction() != null ? event.getServerTransaction()
                : provider.getNewServerTransaction(event.getRequest());
    }

    void respond(ServerTransaction st, int code, RequestEvent event) {
        try {
            st.sendResponse(messages.createResponse(code, event.getRequest()));
        } catch (SipException | InvalidArgumentException | ParseException | RuntimeException e) {
            LOG.debug("demo response {} not sent: {}", code, e.getMessage());
        }
    }

    Response okWithSdp(RequestEvent event, String sdp, String user) throws ParseException {
        Response ok = messages.createResponse(Response.OK, event.getRequest(),
                headers.createContentTypeHeader("application", "sdp"), sdp.getBytes(StandardCharsets.US_ASCII));
        ok.addHeader(contact(user));
        return ok;
    }

    @Override
    public void close() {
        stack.stop();
    }
}
