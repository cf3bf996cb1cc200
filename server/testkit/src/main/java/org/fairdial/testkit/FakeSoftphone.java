package org.fairdial.testkit;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' softphones on one loopback UDP port: each account registers with digest authentication (answering one
 * challenge, and a stale one, by itself), and incoming INVITEs are answered at once, left ringing, or answered
 * later, as each agent's {@link Answer} says. CANCELs get 200 and 487 unless told to be ignored. Every message
 * taken in is recorded.
 */
public final class FakeSoftphone extends SipPeer {
    private static final Logger LOG = LoggerFactory.getLogger(FakeSoftphone.class);

    /** What a softphone does with an incoming INVITE. */
    public enum Answer {
        /** 200 OK with SDP at once, as a phone set to auto-answer. */
        AUTO,
        /** 180 Ringing, then nothing until {@link #answer} or a CANCEL. */
        RING,
        /** 486 Busy Here. */
        BUSY
    }

    private final String registrar;
    private final PeerMedia media;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Incoming> calls = new ConcurrentHashMap<>();
    private volatile Function<String, Answer> answers = user -> Answer.AUTO;
    private volatile boolean ignoreCancel;

    /**
     * @param registrar {@code host:port} REGISTERs go to
     */
    public FakeSoftphone(String host, int port, String registrar, PeerMedia media, Properties extra)
            throws SipException {
        super("testkit.fake-softphone-" + port, host, port, extra);
        this.registrar = registrar;
        this.media = media;
    }

    /** Softphones on a loopback port with {@link LoopbackRtp} media. */
    public static FakeSoftphone start(int port, String registrar) throws SipException {
        return new FakeSoftphone("127.0.0.1", port, registrar, new LoopbackRtp(), new Properties());
    }

    /** Adds (or changes the password of) an agent account this phone registers. */
    public FakeSoftphone account(String user, String password) {
        accounts.compute(user, (u, old) -> old == null ? new Account(u, password) : old.withPassword(password));
        return this;
    }

    /** How each agent (by user) treats incoming INVITEs; default {@link Answer#AUTO}. */
    public FakeSoftphone answers(Function<String, Answer> policy) {
        this.answers = policy;
        return this;
    }

    /** A phone that takes no notice of CANCEL: no 200, no 487 (the INVITE stays ringing). */
    public FakeSoftphone ignoreCancel(boolean ignore) {
        this.ignoreCancel = ignore;
        return this;
    }

    /**
     * Sends a REGISTER for {@code user}; a 401/407 is answered once with digest credentials (again when the nonce
     * was only stale). Completes with the final response.
     */
    public CompletableFuture<Response> register(String user, int expires) throws ParseException,
            InvalidArgumentException, SipException {
        return send(account(user), expires, false);
    }

    /**
     * Sends a REGISTER that already carries credentials computed on the last nonce the registrar gave this user
     * (as a phone re-registering does), e.g. to see a stale nonce refused with {@code stale=true}.
     */
    public CompletableFuture<Response> registerWithLastNonce(String user, int expires) throws ParseException,
            InvalidArgumentException, SipException {
        Account account = account(user);
        if (account.nonce == null) {
            throw new IllegalStateException(user + " has not been challenged yet");
        }
        return send(account, expires, true);
    }

    /** Sends REGISTER for every account; does not wait. */
    public List<CompletableFuture<Response>> registerAll(int expires) throws ParseException,
            InvalidArgumentException, SipException {
        List<CompletableFuture<Response>> all = new java.util.ArrayList<>();
        for (String user : accounts.keySet()) {
            all.add(register(user, expires));
        }
        return all;
    }

    /** Answers a call left ringing ({@link Answer#RING}). */
    public void answer(String callId) throws Exception {
        Incoming call = calls.get(callId);
        if (call == null) {
            throw new IllegalStateException("no call " + callId);
        }
        answer(call);
    }

    /** Sends BYE on the call's dialog; false when it is not (or no longer) confirmed. */
    public boolean hangUp(String callId) throws SipException {
        Incoming call = calls.get(callId);
        Dialog dialog = call == null ? null : call.st.getDialog();
        if (dialog == null || dialog.getState() != DialogState.CONFIRMED) {
            return false;
        }
        dialog.sendRequest(provider.getNewClientTransaction(dialog.createRequest(Request.BYE)));
        end(call);
        return true;
    }

    /** Calls up or ringing now. */
    public int openCalls() {
        return calls.size();
    }

    private Account account(String user) {
        Account account = accounts.get(user);
        if (account == null) {
            throw new IllegalArgumentException("no account " + user + " on this phone");
        }
        return account;
    }

    private CompletableFuture<Response> send(Account account, int expires, boolean withCredentials)
            throws ParseException, InvalidArgumentException, SipException {
        Registration registration = new Registration(account, expires, new CompletableFuture<>());
        Request register = registerRequest(account, expires);
        if (withCredentials) {
            register.setHeader(credentials(account, register));
        }
        ClientTransaction ct = provider.getNewClientTransaction(register);
        ct.setApplicationData(registration);
        ct.sendRequest();
        return registration.done;
    }

    private Request registerRequest(Account account, int expires) throws ParseException, InvalidArgumentException {
        SipURI aor = addresses.createSipURI(account.user, registrar);
        Address address = addresses.createAddress(aor);
        Request register = messages.createRequest(addresses.createURI("sip:" + registrar), Request.REGISTER,
                headers.createCallIdHeader(account.callId), headers.createCSeqHeader(account.cseq.incrementAndGet(),
                        Request.REGISTER),
                headers.createFromHeader(address, Long.toHexString(ThreadLocalRandom.current().nextLong())),
                headers.createToHeader(address, null), List.of(headers.createViaHeader(host, port, "udp", null)),
                headers.createMaxForwardsHeader(70));
        register.addHeader(contact(account.user));
        register.addHeader(headers.createExpiresHeader(expires));
        return register;
    }

    private AuthorizationHeader credentials(Account account, Request request) throws ParseException {
        String uri = request.getRequestURI().toString();
        String nc = String.format("%08x", account.nonceCount.incrementAndGet());
        String cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
        AuthorizationHeader auth = account.proxy ? headers.createProxyAuthorizationHeader("Digest")
                : headers.createAuthorizationHeader("Digest");
        auth.setUsername(account.user);
        auth.setRealm(account.realm);
        auth.setNonce(account.nonce);
        auth.setURI(addresses.createURI(uri));
        auth.setAlgorithm("MD5");
        if (account.qop != null) {
            auth.setQop("auth");
            auth.setCNonce(cnonce);
            auth.setParameter("nc", nc);
        }
        auth.setResponse(Digest.response(account.user, account.realm, account.password, account.nonce,
                account.qop != null ? nc : null, account.qop != null ? cnonce : null,
                account.qop != null ? "auth" : null, request.getMethod(), uri));
        return auth;
    }

    @Override
    protected void onResponse(ResponseEvent event) throws Exception {
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null || !(ct.getApplicationData() instanceof Registration registration)) {
            return;
        }
        Response response = event.getResponse();
        int code = response.getStatusCode();
        if (code < 200) {
            return;
        }
        if (code == Response.UNAUTHORIZED || code == Response.PROXY_AUTHENTICATION_REQUIRED) {
            Account account = registration.account;
            boolean stale = remember(account, response);
            if (registration.retries == 0 || (stale && registration.retries == 1)) {
                Request retry = registerRequest(account, registration.expires);
                retry.setHeader(credentials(account, retry));
                ClientTransaction next = provider.getNewClientTransaction(retry);
                next.setApplicationData(registration.retried());
                next.sendRequest();
                return;
            }
        }
        registration.done.complete(response);
    }

    /** Keeps the challenge's nonce and realm; true when it says the previous nonce was only stale. */
    private static boolean remember(Account account, Response response) {
        var challenge = response.getHeader(WWWAuthenticateHeader.NAME) instanceof WWWAuthenticateHeader www ? www
                : (ProxyAuthenticateHeader) response.getHeader(ProxyAuthenticateHeader.NAME);
        if (challenge == null) {
            return false;
        }
        account.proxy = challenge instanceof ProxyAuthenticateHeader;
        account.realm = challenge.getRealm();
        account.nonce = challenge.getNonce();
        account.qop = challenge.getQop();
        account.nonceCount.set(0);
        return "true".equalsIgnoreCase(challenge.getParameter("stale"));
    }

    @Override
    protected void onRequest(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        switch (request.getMethod()) {
            case Request.INVITE -> invite(event);
            case Request.CANCEL -> cancel(event);
            case Request.BYE -> {
                respond(transaction(event), request, Response.OK, null);
                Incoming call = calls.get(callId(request));
                if (call != null) {
                    end(call);
                }
            }
            case Request.ACK -> { }
            default -> respond(transaction(event), request, Response.OK, null);
        }
    }

    private void invite(RequestEvent event) throws Exception {
        Request request = event.getRequest();
        if (((javax.sip.header.ToHeader) request.getHeader(javax.sip.header.ToHeader.NAME)).getTag() != null) {
            respond(transaction(event), request, Response.NOT_ACCEPTABLE_HERE, null); // no re-INVITEs
            return;
        }
        ServerTransaction st = transaction(event);
        String user = ((SipURI) request.getRequestURI()).getUser();
        Incoming call = new Incoming(st, request, user, "agent-" + user + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextInt() & 0xffffffL));
        switch (answers.apply(user)) {
            case AUTO -> {
                calls.put(callId(request), call);
                answer(call);
            }
            case RING -> {
                calls.put(callId(request), call);
                respond(st, request, Response.RINGING, call.tag);
            }
            case BUSY -> respond(st, request, Response.BUSY_HERE, call.tag);
        }
    }

    private void answer(Incoming call) throws Exception {
        synchronized (call) {
            if (call.media != null) {
                return;
            }
            String offer = call.invite.getRawContent() == null ? null
                    : new String(call.invite.getRawContent(), StandardCharsets.US_ASCII);
            call.media = media.answer(call.user, offer, List.of(), true);
            Response ok = messages.createResponse(Response.OK, call.invite,
                    headers.createContentTypeHeader("application", "sdp"),
                    call.media.sdp().getBytes(StandardCharsets.US_ASCII));
            ok.addHeader(contact(call.user));
            tag(ok, call.tag);
            call.st.sendResponse(ok);
        }
    }

    private void cancel(RequestEvent event) throws SipException {
        if (ignoreCancel) {
            return;
        }
        Request request = event.getRequest();
        respond(transaction(event), request, Response.OK, null);
        Incoming call = calls.get(callId(request));
        if (call != null) {
            synchronized (call) {
                if (call.media != null) {
                    return; // answered already: the dialer ACKs and BYEs
                }
            }
            respond(call.st, call.invite, Response.REQUEST_TERMINATED, call.tag);
            end(call);
        }
    }

    private void end(Incoming call) {
        calls.remove(callId(call.invite), call);
        PeerMedia.Session session = call.media;
        if (session != null) {
            session.close();
        }
    }

    private static String callId(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }

    @Override
    public void close() {
        calls.values().forEach(this::end);
        if (media instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing softphone media: {}", e.toString());
            }
        }
        super.close();
    }

    /** One agent account; the challenge fields are written by the stack's threads, one REGISTER at a time. */
    private static final class Account {
        final String user;
        final String password;
        final String callId = java.util.UUID.randomUUID() + "@testkit";
        final AtomicLong cseq;
        final AtomicLong nonceCount;
        volatile String realm;
        volatile String nonce;
        volatile String qop;
        volatile boolean proxy;

        Account(String user, String password) {
            this(user, password, new AtomicLong(), new AtomicLong());
        }

        private Account(String user, String password, AtomicLong cseq, AtomicLong nonceCount) {
            this.user = user;
            this.password = password;
            this.cseq = cseq;
            this.nonceCount = nonceCount;
        }

        Account withPassword(String newPassword) {
            Account changed = new Account(user, newPassword, cseq, nonceCount);
            changed.realm = realm;
            changed.nonce = nonce;
            changed.qop = qop;
            changed.proxy = proxy;
            return changed;
        }
    }

    private record Registration(Account account, int expires, CompletableFuture<Response> done, int retries) {
        Registration(Account account, int expires, CompletableFuture<Response> done) {
            this(account, expires, done, 0);
        }

        Registration retried() {
            return new Registration(account, expires, done, retries + 1);
        }
    }

    private static final class Incoming {
        final ServerTransaction st;
        final Request invite;
        final String user;
        final String tag;
        volatile PeerMedia.Session media;

        Incoming(ServerTransaction st, Request invite, String user, String tag) {
            this.st = st;
            this.invite = invite;
            this.user = user;
            this.tag = tag;
        }
    }
}
