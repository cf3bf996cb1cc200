package org.fairdial.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.config.AgentConfig;
import java.util.function.Supplier;
import org.fairdial.config.AgentPolicyConfig;
import org.fairdial.config.SrtpPolicy;
import org.fairdial.dialing.DispositionDesk;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.PortsExhaustedException;
import org.fairdial.media.prompt.Prompt;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.sdp.SdpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feature codes an agent dials from the softphone, authenticated like a REGISTER: pause (e.g. {@code *55}, or
 * {@code *552} for the second pause reason), ready ({@code *56}) and the wrap-up disposition ({@code *7N}, the
 * campaign's Nth code). The call is answered, a short confirmation
 * tone plays (two beeps), and we hang up; an unknown code gets 404.
 */
final class FeatureCodes {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureCodes.class);
    private static final Prompt CONFIRMATION = beeps();

    private final SipEndpoint sip;
    private final AgentAuth auth;
    private final AgentRegistry agents;
    private final MediaEngine media;
    private final AgentPolicyConfig policy;
    private final Supplier<DispositionDesk> dispositions;
    private final Supplier<SrtpPolicy> srtp;

    FeatureCodes(SipEndpoint sip, AgentAuth auth, AgentRegistry agents, MediaEngine media, AgentPolicyConfig policy,
                 Supplier<DispositionDesk> dispositions, Supplier<SrtpPolicy> srtp) {
        this.dispositions = dispositions;
        this.srtp = srtp;
        this.sip = sip;
        this.auth = auth;
        this.agents = agents;
        this.media = media;
        this.policy = policy;
    }

    /** A call to a feature code rather than to a number. */
    static boolean isFeatureCode(Request invite) {
        return invite.getRequestURI() instanceof SipURI uri && uri.getUser() != null && uri.getUser().startsWith("*");
    }

    void handle(RequestEvent event) throws ParseException {
        Request invite = event.getRequest();
        String user = ((SipURI) ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI()).getUser();
        AgentConfig agent = auth.authenticate(event, user);
        if (agent == null) {
            return;
        }
        Runnable action = action(((SipURI) invite.getRequestURI()).getUser(), agent.id());
        if (action == null) {
            sip.respond(event, Response.NOT_FOUND);
            return;
        }
        String offer = InviteResponses.sdp(invite);
        MediaLeg leg = null;
        try {
            String id = "feature-" + agent.id();
            leg = media.openLeg(id, id, srtp.get().agent(agent.id()));
            String answer = leg.answerOffer(offer == null ? "" : offer);
            action.run();
            confirm(event, leg, answer);
        } catch (PortsExhaustedException | SdpException e) {
            action.run(); // the agent asked for it; only the confirmation tone is lost
            LOG.info("feature code of agent {} done without confirmation tone: {}", agent.id(), e.getMessage());
            if (leg != null) {
                leg.close();
            }
            sip.respond(event, Response.OK);
        }
    }

    private Runnable action(String code, String agentId) {
        if (code.equals(policy.readyCode())) {
            return () -> agents.ready(agentId);
        }
        DispositionDesk desk = dispositions.get();
        if (desk != null && code.matches(java.util.regex.Pattern.quote(policy.dispositionCode()) + "[1-9]")) {
            int n = code.charAt(code.length() - 1) - '0';
            return () -> desk.disposeNumber(agentId, n).thenAccept(r -> {
                if (!r.recorded()) {
                    LOG.info("disposition {} of agent {} not recorded: {}", code, agentId, r.refusal());
                }
            });
        }
        if (code.startsWith(policy.pauseCode())) {
            String suffix = code.substring(policy.pauseCode().length());
            List<String> reasons = policy.pauseReasons();
            int index = suffix.isEmpty() ? 1 : suffix.matches("\\d{1,2}") ? Integer.parseInt(suffix) : -1;
            if (index < 1 || index > reasons.size()) {
                return null;
            }
            return () -> agents.pause(agentId, reasons.get(index - 1));
        }
        return null;
    }

    private void confirm(RequestEvent event, MediaLeg leg, String answer) throws ParseException {
        ServerTransaction st = sip.serverTransaction(event);
        if (st == null) {
            leg.close();
            return;
        }
        try {
            Dialog dialog = sip.provider().getNewDialog(st);
            Response ok = sip.messages.createResponse(Response.OK, event.getRequest(),
                    sip.headers.createContentTypeHeader("application", "sdp"),
                    answer.getBytes(StandardCharsets.US_ASCII));
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(Long.toHexString(System.nanoTime()));
            ok.setHeader(sip.contact("dialer", "udp"));
            FeatureCall call = new FeatureCall(dialog, leg);
            dialog.setApplicationData(call);
            sip.addCommonHeaders(ok);
            st.sendResponse(ok);
            leg.playTreatment(new Treatment(CONFIRMATION, Duration.ZERO), () -> hangUp(call));
        } catch (SipException | InvalidArgumentException e) {
            LOG.warn("feature code confirmation not sent: {}", e.getMessage());
            leg.close();
        }
    }

    private void hangUp(FeatureCall call) {
        try {
            Request bye = call.dialog().createRequest(Request.BYE);
            ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
            call.dialog().sendRequest(ct);
        } catch (SipException | RuntimeException e) {
            LOG.debug("feature code BYE: {}", e.getMessage());
        }
        call.media().close();
    }

    /** The agent hung up first. */
    static void ended(FeatureCall call) {
        call.media().close();
    }

    /** The short call that confirms a feature code. */
    record FeatureCall(Dialog dialog, MediaLeg media) {
    }

    private static Prompt beeps() {
        short[] samples = new short[8000 * 7 / 10];
        for (int i = 0; i < samples.length; i++) {
            boolean tone = i < 2400 || i >= 4000; // 300 ms beep, 200 ms gap, 300 ms beep
            samples[i] = tone ? (short) (0.25 * Short.MAX_VALUE * Math.sin(2 * Math.PI * 1000 * i / 8000.0)) : 0;
        }
        return Prompt.ofSamples("feature-code-confirmation", samples);
    }
}
