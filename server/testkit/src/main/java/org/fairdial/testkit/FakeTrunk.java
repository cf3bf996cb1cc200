package org.fairdial.testkit;

import gov.nist.javax.sip.DialogExt;
import gov.nist.javax.sip.RequestEventExt;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sip.DialogState;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier on loopback (a UAS) whose every call follows a {@link TrunkScript}: rings, answers with SDP, rejects,
 * never answers, answers across our CANCEL, retransmits its 200, challenges with 401/407, hangs up. Every request
 * it takes in is recorded with its arrival time, so tests assert that the ACK, BYE or CANCEL came and in what order.
 */
public final class FakeTrunk extends SipPeer {
    private static final Logger LOG = LoggerFactory.getLogger(FakeTrunk.class);
    /** The realm of the trunk's digest challenges. */
    public static final String REALM = "fake-trunk";

    private final Function<Request, TrunkScript> scripts;
    private final PeerMedia media;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-trunk-timers");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private final AtomicInteger tags = new AtomicInteger();
    private final AtomicInteger challenges = new AtomicInteger();
    private final AtomicInteger validCredentials = new AtomicInteger();
    private final AtomicInteger invalidCredentials = new AtomicInteger();

    /**
     * @param scripts what to do with each INVITE (by its Request-URI, its headers...)
     * @param media   answers the SDP offers
     * @param extra   stack properties on top of the defaults
     */
    public FakeTrunk(String host, int port, Function<Request, TrunkScript> scripts, PeerMedia media,
                     Properties extra) throws SipException {
        super("testkit.fake-trunk-" + port, host, port, extra);
        this.scripts = scripts;
        this.media = media;
    }

    /** A trunk on a loopback port that plays {@code script} on every call, with {@link LoopbackRtp} media. */
    public static FakeTrunk start(int port, TrunkScript script) throws SipException {
        return new FakeTrunk("127.0.0.1", port, r -> script, new LoopbackRtp(), new Properties());
    }

    /** Challenges sent so far (401 or 407). */
    public int challengesSent() {
        return challenges.get();
    }

    /** INVITEs that carried digest credentials matching the script's user and password. */
    public int validCredentials() {
        return validCredentials.get();
    }

    /** INVITEs that carried digest credentials that did not match. */
    public int invalidCredentials() {
        return invalidCredentials.get();
    }

    /** Calls the trunk still holds (ringing or answered, not yet ended by BYE, CANCEL or a final error). */
    public int openCalls() {
        return calls.size();
    }

    @Override
    protected void onRequest(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        switch (request.getMethod()) {
            case Request.INVITE -> invite(event);
            case Request.CANCEL -> cancel(event);
            case Request.BYE -> bye(event);
            case Request.ACK -> ack(request);
            default -> respond(transaction(event), request, Response.OK, null);
        }
    }

    /** The first ACK of a call whose script wants 2xx copies: they go now, as if that ACK had been lost. */
    private void ack(Request request) {
        Call call = calls.get(callId(request));
        if (call == null || call.ok == null || call.script.extra200s() == 0 || call.copiesSent) {
            return;
        }
        call.copiesSent = true;
        for (int i = 1; i <= call.script.extra200s(); i++) {
            timers.schedule(() -> resend(call.ok, call.from), 50L * i, TimeUnit.MILLISECONDS);
        }
    }

    private void invite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        if (((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null) {
            respond(transaction(event), request, Response.NOT_ACCEPTABLE_HERE, null); // no re-INVITEs
            return;
        }
        ServerTransaction st = transaction(event);
        TrunkScript script = scripts.apply(request);
        String tag = "trunk-" + tags.incrementAndGet();
        if (script.challengeCode() != 0 && !authorized(request, script)) {
            challenge(st, request, script.challengeCode(), tag);
            return;
        }
        if (script.rejectCode() != 0) {
            respond(st, request, script.rejectCode(), tag);
            return;
        }
        RequestEventExt ext = (RequestEventExt) event;
        Call call = new Call(st, request, script, tag, new InetSocketAddress(ext.getRemoteIpAddress(),
                ext.getRemotePort()));
        calls.put(callId(request), call);
        if (script.ring()) {
            call.pending = timers.schedule(() -> ring(call), script.provisionalAfter().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (script.answer()) {
            call.answer = timers.schedule(() -> answer(call), script.ringFor().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void ring(Call call) {
        synchronized (call) {
            if (!call.ended && !call.answered) {
                respond(call.st, call.invite, Response.RINGING, call.tag);
            }
        }
    }

    private void answer(Call call) {
        Response ok;
        synchronized (call) {
            if (call.ended || call.answered) {
                return;
            }
            call.answered = true;
            try {
                String offer = call.invite.getRawContent() == null ? null
                        : new String(call.invite.getRawContent(), StandardCharsets.US_ASCII);
                call.media = media.answer(user(call.invite), offer, call.script.codecs(), call.script.sendRtp());
                ok = messages.createResponse(Response.OK, call.invite,
                        headers.createContentTypeHeader("application", "sdp"),
                        call.media.sdp().getBytes(StandardCharsets.US_ASCII));
                ok.addHeader(contact("callee"));
                tag(ok, call.tag);
                call.st.sendResponse(ok);
                if (call.st.getDialog() instanceof DialogExt dialog) {
                    // The RI drops a repeated ACK before the listener; tests count re-ACKs, so let them through.
                    dialog.disableSequenceNumberValidation();
                }
            } catch (Exception e) {
                LOG.warn("fake trunk could not answer: {}", e.toString());
                return;
            }
        }
        call.ok = ok.toString().getBytes(StandardCharsets.UTF_8);
        if (call.script.hangUpAfter() != null) {
            call.pending = timers.schedule(() -> hangUp(call), call.script.hangUpAfter().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Sends a byte copy of the 200 from a socket of its own: the RI's server transaction would absorb a second
     * send, and to the UAC a copy is a copy whatever port it came from.
     */
    private void resend(byte[] copy, InetSocketAddress to) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(copy, copy.length, to));
        } catch (IOException | RuntimeException e) {
            LOG.warn("2xx copy not sent: {}", e.toString());
        }
    }

    private void hangUp(Call call) {
        try {
            var dialog = call.st.getDialog();
            if (dialog != null && dialog.getState() == DialogState.CONFIRMED) {
                dialog.sendRequest(provider.getNewClientTransaction(dialog.createRequest(Request.BYE)));
            }
        } catch (Exception e) {
            LOG.debug("fake trunk BYE: {}", e.toString());
        }
        end(call);
    }

    private void cancel(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        respond(transaction(event), request, Response.OK, null);
        Call call = calls.get(callId(request));
        if (call == null) {
            return;
        }
        if (call.script.answerOnCancel()) {
            answer(call);
            return;
        }
        synchronized (call) {
            if (call.answered) {
                return; // too late: the 200 is out, the dialer ACKs and BYEs
            }
            respond(call.st, call.invite, Response.REQUEST_TERMINATED, call.tag);
        }
        end(call);
    }

    private void bye(RequestEvent event) throws Exception {
        respond(transaction(event), event.getRequest(), Response.OK, null);
        Call call = calls.get(callId(event.getRequest()));
        if (call != null) {
            end(call);
        }
    }

    private void end(Call call) {
        synchronized (call) {
            call.ended = true;
        }
        calls.remove(callId(call.invite), call);
        for (ScheduledFuture<?> f : new ScheduledFuture<?>[] {call.pending, call.answer}) {
            if (f != null) {
                f.cancel(false);
            }
        }
        if (call.media != null) {
            call.media.close();
        }
    }

    private boolean authorized(Request request, TrunkScript script) {
        String name = script.challengeCode() == 407 ? ProxyAuthorizationHeader.NAME : AuthorizationHeader.NAME;
        if (!(request.getHeader(name) instanceof AuthorizationHeader auth)) {
            return false;
        }
        String expected = Digest.response(script.user(), REALM, script.password(), auth.getNonce(),
                auth.getParameter("nc"), auth.getCNonce(), auth.getQop(), request.getMethod(),
                auth.getURI() == null ? null : auth.getURI().toString());
        boolean valid = script.user().equals(auth.getUsername()) && expected.equalsIgnoreCase(auth.getResponse());
        (valid ? validCredentials : invalidCredentials).incrementAndGet();
        return valid;
    }

    private void challenge(ServerTransaction st, Request request, int code, String tag) throws Exception {
        Response response = messages.createResponse(code, request);
        tag(response, tag);
        var header = code == 407 ? headers.createProxyAuthenticateHeader("Digest")
                : headers.createWWWAuthenticateHeader("Digest");
        header.setRealm(REALM);
        header.setNonce(UUID.randomUUID().toString().replace("-", ""));
        header.setAlgorithm("MD5");
        header.setQop("auth");
        response.addHeader(header);
        challenges.incrementAndGet();
        st.sendResponse(response);
    }

    private static String user(Request request) {
        return request.getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
    }

    private static String callId(Request request) {
        return ((javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
    }

    @Override
    public void close() {
        calls.values().forEach(this::end);
        timers.shutdownNow();
        if (media instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing trunk media: {}", e.toString());
            }
        }
        super.close();
    }

    private static final class Call {
        final ServerTransaction st;
        final Request invite;
        final TrunkScript script;
        final String tag;
        boolean answered;
        boolean ended;
        volatile ScheduledFuture<?> pending;
        volatile ScheduledFuture<?> answer;
        final InetSocketAddress from;
        volatile byte[] ok;
        volatile boolean copiesSent;
        volatile PeerMedia.Session media;

        Call(ServerTransaction st, Request invite, TrunkScript script, String tag, InetSocketAddress from) {
            this.from = from;
            this.st = st;
            this.invite = invite;
            this.script = script;
            this.tag = tag;
        }
    }
}
