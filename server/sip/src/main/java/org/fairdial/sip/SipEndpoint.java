package org.fairdial.sip;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.List;
import java.util.Properties;
import java.util.TooManyListenersException;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.TransportNotSupportedException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.config.SipConfig;
import org.fairdial.privacy.NumberMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JAIN-SIP stack with its listening points (UDP and/or TCP on one port), provider and factories, plus the
 * small helpers every handler needs. The only place that sets {@code gov.nist.*} stack properties.
 */
public final class SipEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipEndpoint.class);
    /**
     * Failures a peer's request can provoke (a Via naming a transport we lack, an unreachable address) are logged
     * once per kind per interval: a flood of such requests must not become a flood of log lines.
     */
    static final LogLimiter WIRE_LOG = new LogLimiter(LogLimiter.DEFAULT_INTERVAL_MILLIS,
            System::currentTimeMillis);
    private static final int MAX_REASON = 200;
    static final List<String> ALLOW = List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS",
            "REGISTER", "INFO");

    private final SipStack stack;
    private final SipProvider provider;
    private final String host;
    private final int port;
    private final String userAgent;
    private final String stackName;
    private final SipTls tls;
    private final SourceConnectionCap connectionCap;
    private final StackLoad load;
    final AddressFactory addresses;
    final HeaderFactory headers;
    final MessageFactory messages;
    private volatile SipTraffic traffic = SipTraffic.NONE;

    private SipEndpoint(SipStack stack, SipProvider provider, String host, int port, String userAgent,
                        String stackName, SipTls tls, SourceConnectionCap connectionCap, StackLoad load)
            throws PeerUnavailableException {
        this.stackName = stackName;
        this.tls = tls;
        this.connectionCap = connectionCap;
        this.load = load;
        this.stack = stack;
        this.provider = provider;
        this.host = host;
        this.port = port;
        this.userAgent = userAgent;
        SipFactory factory = SipFactory.getInstance();
        this.addresses = factory.createAddressFactory();
        this.headers = factory.createHeaderFactory();
        this.messages = factory.createMessageFactory();
    }

    /**
     * Starts a stack listening on {@code bindAddress:port} for each transport, {@code tls} on its own port.
     *
     * @param tls the TLS settings when {@code transports} has {@code tls}, else null
     * @throws SipException naming the address when a port cannot be bound
     */
    public static SipEndpoint start(String name, String bindAddress, int port, List<String> transports,
                                    String advertisedHost, String userAgent, int threads,
                                    SipConfig.TcpLimits tcp, SipListener listener, NumberMask mask, SipTls tls)
            throws SipException {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("javax.sip.IP_ADDRESS", bindAddress);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(threads));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", MalformedMessages.class.getName());
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        // A TCP peer cannot make us buffer more than this per message.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "false");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        // The RI's blocking TCP: its NIO transport (tried) closed our outbound connections to a TCP trunk before
        // sending (OutboundLegsIT). The blocking processor honours a cap on connections and a read timeout, which
        // closes a connection that sends nothing (a half-sent request included) for that long.
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", Integer.toString(tcp.maxConnections()));
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", Long.toString(tcp.idleTimeout().toMillis()));
        // Our socket layer: listening sockets that cap connections per source, and TLS from SipTls instead of the
        // RI's key-store system properties (process-wide, files only).
        SourceConnectionCap cap = new SourceConnectionCap(tcp.maxConnectionsPerSource());
        SipNetworkLayer.register(name, tls, cap);
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", SipNetworkLayer.class.getName());
        if (tls != null) {
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", tls.protocolList());
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", tls.cipherSuiteList());
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", tls.clientAuthType());
            // The RI's watchdog closes a connection whose handshake is not done by then (a half-open TLS peer).
            p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT",
                    Long.toString(tcp.tlsHandshakeTimeout().toMillis()));
        }
        // A stack of our own, not SipFactory.createSipStack: the factory hands back any earlier stack on the same
        // IP address, with that stack's properties (its TLS settings among them), to a server started again in
        // the same JVM.
        StreamParserFailures.install();
        SipStack stack = new SipStackImpl(p);
        if (stack instanceof SIPTransactionStack nist) {
            if (nist.getServerLogger() instanceof Slf4jServerLogger wire) {
                wire.useMask(mask);
            }
            if (nist.getMessageParserFactory() instanceof MalformedMessages malformed) {
                malformed.useMask(mask);
            }
        }
        try {
            SipProvider provider = null;
            for (String transport : transports) {
                ListeningPoint lp;
                try {
                    lp = stack.createListeningPoint(bindAddress, portFor(transport, port, tls), transport);
                } catch (InvalidArgumentException | TransportNotSupportedException e) {
                    throw new SipException("cannot listen on " + bindAddress + ":" + portFor(transport, port, tls)
                            + "/" + transport
                            + ": " + e.getMessage(), e);
                }
                if (provider == null) {
                    provider = stack.createSipProvider(lp);
                } else {
                    provider.addListeningPoint(lp);
                }
            }
            if (provider == null) {
                throw new SipException("no transport to listen on");
            }
            provider.addSipListener(listener);
            stack.start();
            LOG.info("SIP listening on {}:{} {}{}", bindAddress, port, transports,
                    tls == null ? "" : " (tls on " + tls.port() + ", " + tls.protocolList() + ")");
            return new SipEndpoint(stack, provider, advertisedHost, port, userAgent, name, tls, cap,
                    StackLoad.of(stack, provider));
        } catch (SipException | TooManyListenersException e) {
            SipNetworkLayer.unregister(name);
            stack.stop();
            throw e instanceof SipException se ? se : new SipException(e.getMessage(), e);
        } catch (RuntimeException e) {
            SipNetworkLayer.unregister(name);
            stack.stop();
            throw new SipException("cannot start SIP on " + bindAddress + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static int portFor(String transport, int port, SipTls tls) {
        if ("tls".equalsIgnoreCase(transport)) {
            if (tls == null) {
                throw new IllegalArgumentException("transport tls without TLS settings");
            }
            return tls.port();
        }
        return port;
    }

    /** The TLS side of this stack, or null without TLS. */
    SipTls tls() {
        return tls;
    }

    /** The stack's own load: its UDP queue and live server transactions. */
    StackLoad load() {
        return load;
    }

    /** Inbound TCP and TLS connections held per source. */
    SourceConnectionCap connectionCap() {
        return connectionCap;
    }

    /** Messages this stack could not parse since it started. */
    long malformedMessages() {
        return stack instanceof SIPTransactionStack nist
                && nist.getMessageParserFactory() instanceof MalformedMessages malformed ? malformed.count() : 0;
    }

    void traffic(SipTraffic listener) {
        traffic = listener;
    }

    /** Tells the traffic listener about a message sent ({@code sent}) or received. */
    void count(Message message, boolean sent) {
        if (message instanceof Request request) {
            traffic.request(sent, request.getMethod());
        } else if (message instanceof Response response) {
            CSeqHeader cseq = (CSeqHeader) response.getHeader(
                    CSeqHeader.NAME);
            traffic.response(sent, cseq == null ? "unknown" : cseq.getMethod(), response.getStatusCode());
        }
    }

    public SipProvider provider() {
        return provider;
    }

    SipStackExt stackExt() {
        return (SipStackExt) stack;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    ViaHeader via(String transport) throws ParseException, InvalidArgumentException {
        ViaHeader via = headers.createViaHeader(host, portFor(transport, port, tls), transport, null);
        via.setRPort();
        return via;
    }

    ContactHeader contact(String user, String transport) throws ParseException {
        SipURI uri = addresses.createSipURI(user, host);
        uri.setPort(portFor(transport, port, tls));
        if (!"udp".equalsIgnoreCase(transport)) {
            uri.setTransportParam(transport);
        }
        Address address = addresses.createAddress(uri);
        return headers.createContactHeader(address);
    }

    void addCommonHeaders(Message message) throws ParseException {
        message.setHeader(headers.createHeader(message instanceof Request ? "User-Agent" : "Server", userAgent));
        message.removeHeader("Allow");
        for (String method : ALLOW) {
            message.addHeader(headers.createAllowHeader(method));
        }
    }

    /** The request's server transaction, created if needed; null for a retransmission the stack already owns. */
    ServerTransaction serverTransaction(RequestEvent event) {
        ServerTransaction st = event.getServerTransaction();
        if (st != null) {
            return st;
        }
        try {
            return provider.getNewServerTransaction(event.getRequest());
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (TransactionUnavailableException e) {
            LOG.debug("no server transaction for {}: {}", event.getRequest().getMethod(), e.getMessage());
            return null;
        }
    }

    /** Sends a response statefully when possible, else statelessly; logs and swallows send failures. */
    void respond(RequestEvent event, Response response) {
        try {
            addCommonHeaders(response);
            ServerTransaction st = serverTransaction(event);
            if (st != null) {
                st.sendResponse(response);
            } else if (event.getServerTransaction() == null) {
                provider.sendResponse(response);
            } else {
                return;
            }
            count(response, true);
        } catch (SipException | InvalidArgumentException | ParseException | RuntimeException e) {
            String method = event.getRequest().getMethod();
            long suppressed = WIRE_LOG.admit("send " + response.getStatusCode() + " " + method);
            if (suppressed >= 0) {
                LOG.warn("could not send {} to {}: {} ({} alike not logged)", response.getStatusCode(),
                        LogLimiter.escape(method, 32), LogLimiter.escape(e.getMessage(), MAX_REASON), suppressed);
            }
        }
    }

    /**
     * Sends a response without a server transaction (nothing kept for the request; a retransmission gets another
     * one); logs and swallows failures.
     */
    void respondStatelessly(Response response) {
        try {
            addCommonHeaders(response);
            provider.sendResponse(response);
            count(response, true);
        } catch (SipException | ParseException | RuntimeException e) {
            if (WIRE_LOG.admit("send stateless " + response.getStatusCode()) >= 0) {
                LOG.warn("could not send {}: {}", response.getStatusCode(),
                        LogLimiter.escape(e.getMessage(), MAX_REASON));
            }
        }
    }

    void respond(RequestEvent event, int code) {
        try {
            respond(event, messages.createResponse(code, event.getRequest()));
        } catch (ParseException e) {
            if (WIRE_LOG.admit("build " + code) >= 0) {
                LOG.warn("could not build {} response: {}", code, LogLimiter.escape(e.getMessage(), MAX_REASON));
            }
        }
    }

    @Override
    public void close() {
        try {
            for (ListeningPoint lp : provider.getListeningPoints()) {
                provider.removeListeningPoint(lp);
                stack.deleteListeningPoint(lp);
            }
            stack.deleteSipProvider(provider);
        } catch (ObjectInUseException | RuntimeException e) {
            LOG.debug("closing SIP provider: {}", e.getMessage());
        }
        stack.stop();
        SipNetworkLayer.unregister(stackName);
    }
}
