package org.fairdial.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain JAIN-SIP user agent on one loopback UDP port that records every message it takes in: the plumbing of
 * {@link FakeTrunk} and {@link FakeSoftphone}. Waiting for a message is bounded and polls what was recorded.
 */
public abstract class SipPeer implements SipListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipPeer.class);
    private static final Duration POLL = Duration.ofMillis(10);

    protected final SipStack stack;
    protected final SipProvider provider;
    protected final AddressFactory addresses;
    protected final HeaderFactory headers;
    protected final MessageFactory messages;
    protected final String host;
    protected final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /**
     * @param extra stack properties added to (or replacing) the defaults, e.g. the RI's logger classes
     */
    protected SipPeer(String name, String host, int port, Properties extra) throws SipException {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.putAll(extra);
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        try {
            stack = factory.createSipStack(p);
            ListeningPoint lp = stack.createListeningPoint(host, port, "udp");
            provider = stack.createSipProvider(lp);
            provider.addSipListener(this);
            addresses = factory.createAddressFactory();
            headers = factory.createHeaderFactory();
            messages = factory.createMessageFactory();
            stack.start();
        } catch (SipException e) {
            throw e;
        } catch (Exception e) {
            throw new SipException("cannot start " + name + " on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Everything taken in so far, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests with this method taken in so far. */
    public List<Received> requests(String method) {
        return received.stream().filter(r -> method.equals(r.method())).toList();
    }

    /** Waits until a recorded message matches, at most {@code timeout}; returns the first match. */
    public Received await(Predicate<Received> match, Duration timeout) throws TimeoutException,
            InterruptedException {
        return awaitCount(match, 1, timeout).get(0);
    }

    /** Waits until {@code count} recorded messages match, at most {@code timeout}. */
    public List<Received> awaitCount(Predicate<Received> match, int count, Duration timeout)
            throws TimeoutException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Received> matches = received.stream().filter(match).toList();
            if (matches.size() >= count) {
                return matches;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("after " + timeout + " only " + matches.size() + " of " + count
                        + " expected messages; got " + received);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Waits for the {@code count}-th request with this method. */
    public Received awaitRequest(String method, int count, Duration timeout) throws TimeoutException,
            InterruptedException {
        return awaitCount(r -> method.equals(r.method()), count, timeout).get(count - 1);
    }

    protected final void record(javax.sip.message.Message message) {
        received.add(new Received(Instant.now(), message));
    }

    @Override
    public final void processRequest(RequestEvent event) {
        // Stamped on arrival, listed once handled: a test that awaited a request sees the peer's state after it
        // (a BYE's call already closed), with no race against this thread.
        Instant at = Instant.now();
        try {
            onRequest(event);
        } catch (Exception e) {
            LOG.warn("{} on {}: {}", getClass().getSimpleName(), event.getRequest().getMethod(), e.toString());
        } finally {
            received.add(new Received(at, event.getRequest()));
        }
    }

    @Override
    public final void processResponse(ResponseEvent event) {
        record(event.getResponse());
        try {
            onResponse(event);
        } catch (Exception e) {
            LOG.warn("{} on {} response: {}", getClass().getSimpleName(), event.getResponse().getStatusCode(),
                    e.toString());
        }
    }

    protected abstract void onRequest(RequestEvent event) throws Exception;

    protected void onResponse(ResponseEvent event) throws Exception {
        // most peers only answer
    }

    protected ServerTransaction transaction(RequestEvent event) throws SipException {
        return event.getServerTransaction() != null ? event.getServerTransaction()
                : provider.getNewServerTransaction(event.getRequest());
    }

    /** Sends a response with this code, tagging To when it has no tag yet; failures are logged, not thrown. */
    protected void respond(ServerTransaction st, Request request, int code, String tag) {
        try {
            Response response = messages.createResponse(code, request);
            tag(response, tag);
            st.sendResponse(response);
        } catch (Exception e) {
            LOG.debug("response {} not sent: {}", code, e.getMessage());
        }
    }

    protected static Response tag(Response response, String tag) throws java.text.ParseException {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null && tag != null && response.getStatusCode() > 100) {
            to.setTag(tag);
        }
        return response;
    }

    protected ContactHeader contact(String user) throws java.text.ParseException {
        SipURI uri = addresses.createSipURI(user, host);
        uri.setPort(port);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        // peers do not retry: the test asserts on what arrived
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("{} transport error towards {}:{}", getClass().getSimpleName(), event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing held per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // nothing held per dialog
    }

    @Override
    public void close() {
        stack.stop();
    }
}
