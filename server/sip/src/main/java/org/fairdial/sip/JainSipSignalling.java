package org.fairdial.sip;

import java.text.ParseException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.auth.AuthLockouts;
import org.fairdial.call.CallEvent;
import org.fairdial.call.CallSession;
import org.fairdial.call.CallSignalling;
import org.fairdial.call.SignallingException;
import org.fairdial.cdr.LegKind;
import org.fairdial.call.ConfirmedDialog;
import org.fairdial.config.AgentPolicyConfig;
import org.fairdial.config.SipConfig;
import org.fairdial.config.SrtpPolicy;
import org.fairdial.config.TlsConfig;
import org.fairdial.config.TlsFileException;
import org.fairdial.config.TrunkConfig;
import org.fairdial.dialing.DispositionDesk;
import org.fairdial.media.MediaEngine;
import org.fairdial.privacy.NumberMask;
import org.fairdial.sip.auth.DigestChallenger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialer's SIP side: a {@link SipListener} whose callbacks only classify, answer what the SIP layer itself
 * owns (registrar, OPTIONS, 481/405/501) and post events to call sessions; and the {@link CallSignalling} port
 * call control sends through. No callback blocks, and none lets an exception reach the stack's threads.
 */
public final class JainSipSignalling implements SipListener, CallSignalling, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JainSipSignalling.class);

    private final SipConfig config;
    private final AgentPolicyConfig agentPolicy;
    private final AgentRegistry agents;
    private final MediaEngine media;
    private final InstantSource clock;
    private final NumberMask mask;
    private volatile SipEndpoint sip;
    private volatile OutboundLegs legs;
    private volatile InviteResponses responses;
    private volatile InboundRequests requests;
    private volatile SipTraffic traffic = SipTraffic.NONE;
    private volatile Consumer<ConfirmedDialog> dialogJournal = d -> { };
    private volatile DispositionDesk dispositions;
    private volatile RestartByes restartByes;
    private volatile SipTls tls;
    private final SipGuard guard;
    private final OverloadShedder shedder;

    private volatile Supplier<SrtpPolicy> srtp = () -> SrtpPolicy.OFF;

    public JainSipSignalling(SipConfig config, AgentPolicyConfig agentPolicy, AgentRegistry agents,
                             MediaEngine media, InstantSource clock, NumberMask mask) {
        this.config = config;
        this.agentPolicy = agentPolicy;
        this.agents = agents;
        this.media = media;
        this.clock = clock;
        this.mask = mask;
        this.guard = new SipGuard(config.security(), clock);
        this.shedder = new OverloadShedder(config.overload(), clock::millis);
    }

    /** The SRTP policy in force for the legs this side opens itself (feature-code calls); before start. */
    public void srtpPolicy(Supplier<SrtpPolicy> policy) {
        this.srtp = policy;
    }

    /** Failed-authentication lockouts in force, for the API to list and lift. */
    public AuthLockouts lockouts() {
        return guard.lockouts;
    }

    /** What the SIP port's defences have refused since start (metrics). */
    public SipSecurityCounts securityCounts() {
        return new SipSecurityCounts(guard.scannerDropped.sum(), guard.rateLimited.sum(), guard.notAllowed.sum(),
                guard.unsolicitedInvites.sum(), guard.authFailures.sum(), guard.refusedWhileLocked.sum());
    }

    /** The stack's load and what overload protection shed (metrics). */
    public SipOverloadCounts overloadCounts() {
        SipEndpoint endpoint = sip;
        if (endpoint == null) {
            return SipOverloadCounts.NONE;
        }
        StackLoad load = endpoint.load();
        return new SipOverloadCounts(shedder.shed.sum(), shedder.shedPriority.sum(), load.queueDelayMillis(),
                load.queueDepth(), load.serverTransactions(), endpoint.connectionCap().refused.sum());
    }

    /**
     * The trunks whose addresses (hosts and {@code allow-from}) keep their requests going under overload; call
     * before {@link #start} and again on reload.
     */
    public void trunks(Collection<TrunkConfig> trunks) {
        shedder.trunks(trunks);
    }

    /**
     * Binds the listening points and starts taking traffic.
     *
     * @throws SipException naming the file and the reason when the TLS key material cannot be used
     */
    public void start(String stackName) throws SipException {
        if (config.tls() != null && tls == null) {
            try {
                tls = SipTls.load(config.tls());
            } catch (TlsFileException e) {
                throw new SipException("dialer.sip.tls: " + e.getMessage(), e);
            }
        }
        SipEndpoint endpoint = SipEndpoint.start(stackName, config.bindAddress(), config.port(),
                new ArrayList<>(config.transports()), config.advertisedAddress(), config.userAgent(),
                config.stackThreads(), config.tcp(), this, mask, tls);
        endpoint.traffic(traffic);
        shedder.measure(endpoint.load());
        OutboundLegs outbound = new OutboundLegs(endpoint, d -> dialogJournal.accept(d));
        restartByes = new RestartByes(endpoint);
        responses = new InviteResponses(endpoint, outbound);
        AgentAuth auth = new AgentAuth(endpoint, agents, new DigestChallenger(clock, config.nonceLifetime()),
                config.realm(), guard);
        requests = new InboundRequests(endpoint, new Registrar(endpoint, config, agents, auth, clock, shedder),
                new FeatureCodes(endpoint, auth, agents, media, agentPolicy, () -> dispositions,
                        () -> srtp.get()), guard);
        legs = outbound;
        sip = endpoint;
    }

    /**
     * The certificate names trunks over TLS must present; call before {@link #start} and again on reload. Without
     * TLS it does nothing.
     */
    public void tlsTrunks(Collection<TrunkConfig> trunks) throws SipException {
        if (config.tls() == null) {
            return;
        }
        if (tls == null) {
            try {
                tls = SipTls.load(config.tls());
            } catch (TlsFileException e) {
                throw new SipException("dialer.sip.tls: " + e.getMessage(), e);
            }
        }
        tls.trunks(trunks);
    }

    /**
     * Re-reads the TLS certificate, key and trust files (SIGHUP): handshakes from now on use them, established
     * connections keep theirs. Does nothing without TLS.
     *
     * @throws TlsFileException naming the file and the reason; the running certificate then stays
     */
    public void reloadTls(TlsConfig next) throws TlsFileException {
        if (tls != null && next != null) {
            tls.reload(next);
        }
    }

    /** Where {@code *7N} dispositions go; without it the code gets 404. */
    public void dispositionsTo(DispositionDesk desk) {
        this.dispositions = desk;
    }

    /** Hands every confirmed dialog (its 2xx ACKed) to {@code journal}, so a restart can end it; set before calls. */
    public void journalDialogs(Consumer<ConfirmedDialog> journal) {
        dialogJournal = journal;
    }

    /**
     * Sends a BYE on each dialog the last run left up (from the CDR journal); call after {@link #start} and before
     * dialing. Returns at once: the outcomes are logged as they arrive.
     *
     * @return how many BYEs went out
     */
    public int endDialogsOfLastRun(List<ConfirmedDialog> dialogs) {
        return restartByes.send(dialogs);
    }

    /** Counts every request and response sent and taken in from now on (metrics). */
    public void onTraffic(SipTraffic listener) {
        traffic = listener;
        SipEndpoint endpoint = sip;
        if (endpoint != null) {
            endpoint.traffic(listener);
        }
    }

    /** SIP messages this server's stack could not parse and dropped (metrics). */
    public long malformedMessages() {
        SipEndpoint endpoint = sip;
        return endpoint == null ? 0 : endpoint.malformedMessages();
    }

    /** SIP legs still held (for tests and metrics: must drop to zero when no call is up). */
    public int openLegs() {
        OutboundLegs current = legs;
        return current == null ? 0 : current.size();
    }

    @Override
    public SentInvite inviteCustomer(CallSession call, String sdpOffer) {
        try {
            return legs.inviteCustomer(call, sdpOffer);
        } catch (ParseException | InvalidArgumentException | SipException e) {
            throw new SignallingException(e.getMessage(), e);
        }
    }

    @Override
    public SentInvite inviteAgent(CallSession call, String agentId, String contactUri, String sdpOffer) {
        try {
            return legs.inviteAgent(call, agentId, contactUri, sdpOffer);
        } catch (ParseException | InvalidArgumentException | SipException e) {
            throw new SignallingException(e.getMessage(), e);
        }
    }

    @Override
    public void cancel(CallSession call, LegKind leg) {
        legs.cancel(call, leg);
    }

    @Override
    public void ack(CallSession call, LegKind leg) {
        legs.ack(call, leg);
    }

    @Override
    public void bye(CallSession call, LegKind leg) {
        legs.bye(call, leg);
    }

    /** The call is complete: its SIP legs are released. */
    public void forget(CallSession call) {
        legs.forget(call.callId());
    }

    @Override
    public void processRequest(RequestEvent event) {
        InboundRequests handler = requests;
        if (handler == null) {
            return; // still starting: the peer retransmits
        }
        if (!guard.admit(event)) {
            return; // a scanner, or a source over its rate: no answer, as if nothing listened here
        }
        countReceived(event.getRequest());
        if (shedder.shed(event)) {
            serviceUnavailable(event);
            return;
        }
        try {
            handler.handle(event);
        } catch (ParseException | InvalidArgumentException | RuntimeException e) {
            String method = event.getRequest().getMethod();
            long suppressed = SipEndpoint.WIRE_LOG.admit("request " + method + " " + e.getClass().getName());
            if (suppressed >= 0) {
                LOG.warn("{} request failed: {} ({} alike not logged)", LogLimiter.escape(method, 32),
                        LogLimiter.escape(e.toString(), 200), suppressed);
            }
            if (!Request.ACK.equals(event.getRequest().getMethod())) {
                sip.respond(event, Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    /** RFC 3261 21.5.4: 503 with Retry-After, statelessly, so the shed request leaves nothing behind. */
    private void serviceUnavailable(RequestEvent event) {
        SipEndpoint endpoint = sip;
        try {
            Response busy = endpoint.messages.createResponse(Response.SERVICE_UNAVAILABLE, event.getRequest());
            busy.setHeader(endpoint.headers.createRetryAfterHeader(
                    (int) config.overload().retryAfter().toSeconds()));
            endpoint.respondStatelessly(busy);
        } catch (ParseException | InvalidArgumentException | RuntimeException e) {
            if (SipEndpoint.WIRE_LOG.admit("build 503") >= 0) {
                LOG.warn("could not build 503: {}", LogLimiter.escape(e.toString(), 200));
            }
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        countReceived(event.getResponse());
        try {
            ClientTransaction ct = event.getClientTransaction();
            if (ct != null && ct.getApplicationData() instanceof RestartByes byes) {
                byes.answered(ct, event.getResponse());
                return;
            }
            if (ct == null || !(ct.getApplicationData() instanceof SipLeg leg)) {
                return; // BYE/CANCEL responses and strays: nothing depends on them
            }
            if (Request.INVITE.equals(ct.getRequest().getMethod())) {
                responses.handle(event, leg);
            }
        } catch (RuntimeException e) {
            LOG.warn("response {} failed: {}", event.getResponse().getStatusCode(), e.toString(), e);
        }
    }

    private void countReceived(Message message) {
        SipEndpoint endpoint = sip;
        if (endpoint != null) {
            endpoint.count(message, false);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        ClientTransaction ct = event.getClientTransaction();
        if (ct != null && ct.getApplicationData() instanceof RestartByes byes) {
            byes.failed(ct, "no answer (transaction timeout)");
            return;
        }
        if (ct != null && ct.getApplicationData() instanceof SipLeg leg) {
            if (Request.INVITE.equals(ct.getRequest().getMethod())) {
                reportFailure(leg, "no response (transaction timeout)");
            } else if (Request.CANCEL.equals(ct.getRequest().getMethod())) {
                // RFC 3261 9.1: no final response 64*T1 after the CANCEL, the INVITE counts as cancelled. Without
                // this a peer that ignores CANCEL keeps the leg (and its call) open for ever: the RI has no Timer C.
                reportFailure(leg, "no response to CANCEL (transaction timeout)");
            }
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        long suppressed = SipEndpoint.WIRE_LOG.admit("transport " + event.getHost());
        if (suppressed >= 0) {
            LOG.warn("transport error towards {}:{}/{} ({} more to this host not logged)",
                    LogLimiter.escape(event.getHost(), 64), event.getPort(), event.getTransport(), suppressed);
        }
        OutboundLegs current = legs;
        if (current == null) {
            return;
        }
        for (SipLeg leg : current.all()) {
            var uri = leg.invite == null ? null : leg.invite.getRequest().getRequestURI();
            if (uri instanceof SipURI target && target.getHost().equals(event.getHost())
                    && (target.getPort() == event.getPort() || target.getPort() < 0)) {
                reportFailure(leg, "transport error");
            }
        }
    }

    private static void reportFailure(SipLeg leg, String reason) {
        synchronized (leg) {
            if (leg.finalReported) {
                return;
            }
            leg.finalReported = true;
        }
        leg.call.post(new CallEvent.Failed(leg.kind, null, reason));
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing held per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // legs are released when their call completes
    }

    @Override
    public void close() {
        SipEndpoint endpoint = sip;
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
