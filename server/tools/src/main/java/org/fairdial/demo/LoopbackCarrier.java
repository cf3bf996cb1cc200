package org.fairdial.demo;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.DialogState;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaLeg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A carrier on loopback that plays the callees: the last digit of the dialed number decides what happens
 * (0 busy, 1 unavailable, 2 rings until we give up, 3-9 answers after a short ring, talks, then hangs up).
 */
final class LoopbackCarrier extends DemoListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackCarrier.class);

    private final DemoSip sip;
    private final MediaEngine media;
    private final ScheduledExecutorService timers;
    private final Map<String, Callee> callees = new ConcurrentHashMap<>();

    LoopbackCarrier(String host, int port, MediaEngine media, ScheduledExecutorService timers) throws Exception {
        this.media = media;
        this.timers = timers;
        this.sip = new DemoSip("demo-carrier", host, port, this);
    }

    @Override
    public void processRequest(RequestEvent event) {
        try {
            switch (event.getRequest().getMethod()) {
                case Request.INVITE -> invite(event);
                case Request.CANCEL -> cancel(event);
                case Request.BYE -> bye(event);
                default -> { }
            }
        } catch (Exception e) {
            LOG.warn("demo carrier: {}", e.toString());
        }
    }

    private void invite(RequestEvent event) throws Exception {
        if (event.getDialog() != null && event.getDialog().getState() != null
                && ((ToHeader) event.getRequest().getHeader(ToHeader.NAME)).getTag() != null) {
            return; // no re-INVITEs in the demo
        }
        ServerTransaction st = sip.transaction(event);
        String number = ((SipURI) event.getRequest().getRequestURI()).getUser();
        int digit = number.charAt(number.length() - 1) - '0';
        String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        switch (digit) {
            case 0 -> sip.respond(st, Response.BUSY_HERE, event);
            case 1 -> sip.respond(st, Response.TEMPORARILY_UNAVAILABLE, event);
            default -> {
                Callee callee = new Callee(st, event);
                callees.put(callId, callee);
                st.sendResponse(tagged(sip.messages.createResponse(Response.RINGING, event.getRequest())));
                if (digit >= 3) {
                    long ringMs = 800L + 300L * (digit - 3);
                    callee.pending = timers.schedule(() -> answer(callee, digit), ringMs, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private Response tagged(Response response) throws ParseException {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag("carrier");
        }
        return response;
    }

    private void answer(Callee callee, int digit) {
        try {
            MediaLeg leg = media.openLeg("carrier-" + callee.hashCode());
            callee.media = leg;
            String offer = new String(callee.invite.getRequest().getRawContent(), StandardCharsets.US_ASCII);
            String answer = leg.answerOffer(offer);
            callee.st.sendResponse(tagged(sip.okWithSdp(callee.invite, answer, "callee")));
            leg.playTreatment(DemoAudio.voice(300 + 40 * digit, 3), null);
            long talkMs = 2500L + 500L * digit;
            callee.pending = timers.schedule(() -> hangUp(callee), talkMs, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("demo carrier could not answer: {}", e.toString());
        }
    }

    private void hangUp(Callee callee) {
        try {
            var dialog = callee.st.getDialog();
            if (dialog != null && dialog.getState() == DialogState.CONFIRMED) {
                dialog.sendRequest(sip.provider.getNewClientTransaction(dialog.createRequest(Request.BYE)));
            }
        } catch (Exception e) {
            LOG.debug("demo carrier BYE: {}", e.toString());
        }
        callees.values().remove(callee);
        release(callee);
    }

    private void cancel(RequestEvent event) throws Exception {
        String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        ServerTransaction st = sip.transaction(event);
        sip.respond(st, Response.OK, event);
        Callee callee = callees.remove(callId);
        if (callee != null) {
            callee.st.sendResponse(tagged(sip.messages.createResponse(Response.REQUEST_TERMINATED,
                    callee.invite.getRequest())));
            release(callee);
        }
    }

    private void bye(RequestEvent event) throws Exception {
        sip.respond(sip.transaction(event), Response.OK, event);
        String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        Callee callee = callees.remove(callId);
        if (callee != null) {
            release(callee);
        }
    }

    private void release(Callee callee) {
        if (callee.pending != null) {
            callee.pending.cancel(false);
        }
        if (callee.media != null) {
            callee.media.close();
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        // 200 to our BYE: nothing to do
    }

    @Override
    public void close() {
        callees.values().forEach(this::release);
        sip.close();
    }

    private static final class Callee {
        final ServerTransaction st;
        final RequestEvent invite;
        volatile ScheduledFuture<?> pending;
        volatile MediaLeg media;

        Callee(ServerTransaction st, RequestEvent invite) {
            this.st = st;
            this.invite = invite;
        }
    }
}
