package org.fairdial.demo;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaLeg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' softphones for the demo, all on one UDP port: each registers with digest authentication and answers the
 * dialer's INVITEs at once (as a softphone set to auto-answer does), then talks until the callee hangs up.
 */
final class DemoAgents extends DemoListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoAgents.class);

    private final DemoSip sip;
    private final MediaEngine media;
    private final String registrar;
    private final Map<String, String> passwords;
    private final AuthenticationHelper auth;
    private final Map<String, MediaLeg> calls = new ConcurrentHashMap<>();
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();
    /** An agent whose phone misses every fourth call (answers too late), to show what the dialer does then. */
    private final String slowAgent;
    private final AtomicInteger slowCalls = new AtomicInteger();
    private final Map<String, ServerTransaction> ringingTooLong = new ConcurrentHashMap<>();

    DemoAgents(String host, int port, String registrarHostPort, Map<String, String> passwords, MediaEngine media,
               String slowAgent) throws Exception {
        this.media = media;
        this.slowAgent = slowAgent;
        this.registrar = registrarHostPort;
        this.passwords = Map.copyOf(passwords);
        this.sip = new DemoSip("demo-agents", host, port, this);
        this.auth = ((SipStackExt) sip.stack).getAuthenticationHelper((tx, realm) -> credentials(tx, realm),
                sip.headers);
    }

    /** Sends a REGISTER for every agent. */
    void registerAll() throws Exception {
        for (String user : passwords.keySet()) {
            SipURI aor = sip.addresses.createSipURI(user, registrar);
            Address address = sip.addresses.createAddress(aor);
            Request register = sip.messages.createRequest(sip.addresses.createURI("sip:" + registrar),
                    Request.REGISTER, sip.provider.getNewCallId(), sip.headers.createCSeqHeader(1L, Request.REGISTER),
                    sip.headers.createFromHeader(address, "reg-" + user), sip.headers.createToHeader(address, null),
                    List.of(sip.headers.createViaHeader(sip.host, sip.port, "udp", null)),
                    sip.headers.createMaxForwardsHeader(70));
            register.addHeader(sip.contact(user));
            register.addHeader(sip.headers.createExpiresHeader(600));
            sip.provider.getNewClientTransaction(register).sendRequest();
        }
    }

    int registeredCount() {
        return registered.size();
    }

    private UserCredentials credentials(ClientTransaction tx, String realm) {
        String user = ((SipURI) ((ToHeader) tx.getRequest().getHeader(ToHeader.NAME)).getAddress().getURI())
                .getUser();
        return new UserCredentials() {
            @Override
            public String getUserName() {
                return user;
            }

            @Override
            public String getPassword() {
                return passwords.get(user);
            }

            @Override
            public String getSipDomain() {
                return realm;
            }
        };
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        if (!Request.REGISTER.equals(cseq.getMethod()) || event.getClientTransaction() == null) {
            return;
        }
        String user = ((SipURI) ((ToHeader) response.getHeader(ToHeader.NAME)).getAddress().getURI()).getUser();
        try {
            if (response.getStatusCode() == Response.UNAUTHORIZED) {
                auth.handleChallenge(response, event.getClientTransaction(), sip.provider, 5).sendRequest();
            } else if (response.getStatusCode() == Response.OK) {
                registered.put(user, true);
            } else {
                LOG.warn("demo agent {} not registered: {}", user, response.getStatusCode());
            }
        } catch (Exception e) {
            LOG.warn("demo agent {} registration: {}", user, e.toString());
        }
    }

    @Override
    public void processRequest(RequestEvent event) {
        try {
            Request request = event.getRequest();
            String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
            ServerTransaction st = sip.transaction(event);
            switch (request.getMethod()) {
                case Request.INVITE -> answer(event, st, callId);
                case Request.BYE -> {
                    sip.respond(st, Response.OK, event);
                    MediaLeg leg = calls.remove(callId);
                    if (leg != null) {
                        leg.close();
                    }
                }
                case Request.ACK -> { }
                case Request.CANCEL -> {
                    sip.respond(st, Response.OK, event);
                    ServerTransaction invite = ringingTooLong.remove(callId);
                    if (invite != null) {
                        Response terminated = sip.messages.createResponse(Response.REQUEST_TERMINATED,
                                invite.getRequest());
                        ((ToHeader) terminated.getHeader(ToHeader.NAME)).setTag("agent-" + slowAgent);
                        invite.sendResponse(terminated);
                    }
                }
                default -> sip.respond(st, Response.OK, event);
            }
        } catch (Exception e) {
            LOG.warn("demo agent: {}", e.toString());
        }
    }

    private void answer(RequestEvent event, ServerTransaction st, String callId) throws Exception {
        String user = ((SipURI) event.getRequest().getRequestURI()).getUser();
        if (user.equals(slowAgent) && slowCalls.incrementAndGet() % 4 == 2) {
            // Rings past the dialer's 2 s connect deadline: the dialer CANCELs, the callee gets the abandon
            // treatment, and this agent is out of rotation until its next REGISTER.
            Response ringing = sip.messages.createResponse(Response.RINGING, event.getRequest());
            ((ToHeader) ringing.getHeader(ToHeader.NAME)).setTag("agent-" + user);
            st.sendResponse(ringing);
            ringingTooLong.put(callId, st);
            return;
        }
        MediaLeg leg = media.openLeg("agent-" + user);
        String answer = leg.answerOffer(new String(event.getRequest().getRawContent(), StandardCharsets.US_ASCII));
        Response ok = sip.okWithSdp(event, answer, user);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag("agent-" + user);
        calls.put(callId, leg);
        st.sendResponse(ok);
        leg.playTreatment(DemoAudio.voice(200, 3), null);
    }

    @Override
    public void close() {
        calls.values().forEach(MediaLeg::close);
        sip.close();
    }
}
