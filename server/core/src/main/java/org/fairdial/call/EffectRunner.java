package org.fairdial.call;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.fairdial.call.CallEffect.Ack;
import org.fairdial.call.CallEffect.AnswerOffer;
import org.fairdial.call.CallEffect.Bridge;
import org.fairdial.call.CallEffect.Cancel;
import org.fairdial.call.CallEffect.EndLeg;
import org.fairdial.call.CallEffect.InviteAgent;
import org.fairdial.call.CallEffect.InviteCustomer;
import org.fairdial.call.CallEffect.PlayAbandonTreatment;
import org.fairdial.call.CallEffect.PlayComfortNoise;
import org.fairdial.call.CallEffect.RecordOptOut;
import org.fairdial.call.CallEffect.RejectOffer;
import org.fairdial.call.CallEffect.ReleaseAgent;
import org.fairdial.call.CallEffect.ReserveAgent;
import org.fairdial.call.CallEffect.SendBye;
import org.fairdial.call.CallEffect.StartTimer;
import org.fairdial.call.CallEffect.StopTimer;
import org.fairdial.call.CallEffect.StopWaitingForAgent;
import org.fairdial.call.CallEffect.WaitForAgent;
import org.fairdial.call.CallEvent.Failed;
import org.fairdial.call.CallSignalling.SentInvite;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.compliance.AbandonTiming;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.RecordingMode;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.PortsExhaustedException;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.RtpStats;
import org.fairdial.media.sdp.MediaDirection;
import org.fairdial.media.sdp.Negotiation;
import org.fairdial.media.sdp.OfferAnswer;
import org.fairdial.media.sdp.SdpException;
import org.fairdial.media.sdp.SdpParser;
import org.fairdial.media.sdp.SrtpMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out a {@link CallSession}'s effects through its ports, on the call's executor. */
final class EffectRunner {
    private static final Logger LOG = LoggerFactory.getLogger(EffectRunner.class);
    /** Start of the failure message for an effect type {@link #dispatch} has no branch for. */
    static final String NO_HANDLER = "no handler for call effect ";

    private final CallSession call;
    private final CallPorts ports;

    EffectRunner(CallSession call) {
        this.call = call;
        this.ports = call.ports;
    }

    void run(CallEffect effect) {
        try {
            dispatch(effect);
            journalProgress();
        } catch (RuntimeException e) {
            if (e instanceof SignallingException) {
                LOG.warn("{} not sent: {}", effect, e.getMessage());
            } else {
                LOG.error("effect {} failed", effect, e);
            }
            if (effect instanceof InviteCustomer) {
                call.post(new Failed(LegKind.CUSTOMER, null, "transport error: " + e.getMessage()));
            } else if (effect instanceof InviteAgent) {
                call.post(new Failed(LegKind.AGENT, null, "transport error: " + e.getMessage()));
            }
        }
    }

    /**
     * Carries out one effect. Java 17 has no pattern switch over a sealed type (JEP 406 is a preview there), so the
     * chain ends in an explicit failure: an effect added to {@link CallEffect} without a branch here is logged as
     * an error on its first use instead of being dropped silently (CallSessionTest feeds it every permitted type).
     */
    void dispatch(CallEffect effect) {
        CampaignConfig campaign = call.plan().campaign();
        if (effect instanceof InviteCustomer) {
            inviteCustomer();
        } else if (effect instanceof InviteAgent a) {
            inviteAgent(a.agentId());
        } else if (effect instanceof Cancel c) {
            ports.signalling().cancel(call, c.leg());
        } else if (effect instanceof Ack a) {
            ports.signalling().ack(call, a.leg());
        } else if (effect instanceof SendBye b) {
            ports.signalling().bye(call, b.leg());
        } else if (effect instanceof StartTimer t) {
            call.startTimer(t.timer(), duration(t.timer(), campaign));
        } else if (effect instanceof StopTimer t) {
            call.stopTimer(t.timer());
        } else if (effect instanceof PlayComfortNoise) {
            play(Treatment.comfortNoiseOnly(), null);
        } else if (effect instanceof PlayAbandonTreatment) {
            playAbandon(campaign);
        } else if (effect instanceof Bridge) {
            bridge();
        } else if (effect instanceof ReserveAgent) {
            String reserved = call.plan().reservedAgent();
            Optional<String> agent = reserved != null ? Optional.of(reserved) : ports.agents().reserve(campaign.name());
            // Known from now on, so a release works even if the call ends before AgentReserved is handled.
            agent.ifPresent(id -> call.agent.agentId = id);
            call.post(agent.<CallEvent>map(CallEvent.AgentReserved::new).orElseGet(CallEvent.NoAgentFree::new));
        } else if (effect instanceof WaitForAgent) {
            // The pool calls back on whichever thread freed the agent; the call hands the event to its executor.
            ports.agents().awaitAgent(campaign.name(), call.callId().toString(), id -> {
                call.agent.agentId = id;
                call.post(new CallEvent.AgentReserved(id));
            });
        } else if (effect instanceof StopWaitingForAgent) {
            ports.agents().stopAwaiting(call.callId().toString());
        } else if (effect instanceof ReleaseAgent r) {
            if (call.agent.agentId != null) {
                ports.agents().release(call.agent.agentId, r.release(), campaign.wrapUp());
            }
        } else if (effect instanceof RecordOptOut optOut) {
            recordOptOut(optOut, campaign);
        } else if (effect instanceof EndLeg end) {
            endLeg(end);
        } else if (effect instanceof AnswerOffer offer) {
            answerOffer(offer);
        } else if (effect instanceof RejectOffer reject) {
            reject.reply().reject(reject.status(), reject.reason());
        } else {
            throw new IllegalStateException(NO_HANDLER + effect.getClass().getName());
        }
    }

    private Duration duration(TimerKind timer, CampaignConfig campaign) {
        return switch (timer) {
            case RING -> campaign.ringTimeout();
            case AGENT_CONNECT -> campaign.agentConnectTimeout();
            case CONNECT_WINDOW -> {
                // Counted from the 200 OK like the deadline: the window is what the prompt leaves before the cap.
                Instant end = call.customer.answeredAt.plus(campaign.connectWindow().agentWait());
                yield Duration.between(ports.clock().instant(), end);
            }
            case ABANDON_DEADLINE -> {
                // Counted from the 200 OK's arrival, not from when this runs: the cap is the law's, not ours.
                Instant deadline = call.customer.answeredAt.plus(campaign.abandon().maxDuration()).minus(AbandonTiming.BYE_MARGIN);
                yield Duration.between(ports.clock().instant(), deadline);
            }
            case CUSTOMER_CANCEL, AGENT_CANCEL -> ports.timeouts().cancel();
        };
    }

    private void inviteCustomer() {
        MediaLeg media = openMedia("c-" + call.callId(), ports.srtp().get().trunk(call.plan().campaign().trunk()));
        if (media == null) {
            return;
        }
        call.customerMedia = media;
        // Keys cross as plain values and become events of the call; the transition decides what they mean.
        media.onDtmf(digit -> call.post(new CallEvent.Dtmf(LegKind.CUSTOMER, digit)));
        call.customer.createdAt = ports.clock().instant();
        // Journaled before the INVITE leaves, so a leg the callee saw always gets its CDR, even after a kill -9.
        ports.cdr().legProgress(call.customer.snapshot(call.plan(), call.customer.createdAt));
        SentInvite sent = ports.signalling().inviteCustomer(call, media.createOffer());
        note(call.customer, sent);
    }

    private void inviteAgent(String agentId) {
        call.agent.agentId = agentId;
        call.agent.dialedNumber = agentId;
        call.agent.createdAt = ports.clock().instant();
        String contact = ports.agents().contactOf(agentId);
        if (contact == null) {
            call.post(new Failed(LegKind.AGENT, null, "agent " + agentId + " not registered"));
            return;
        }
        MediaLeg media = openMedia("a-" + call.callId(), ports.srtp().get().agent(agentId));
        if (media == null) {
            return;
        }
        call.agentMedia = media;
        ports.cdr().legProgress(call.agent.snapshot(call.plan(), ports.clock().instant()));
        SentInvite sent = ports.signalling().inviteAgent(call, agentId, contact, media.createOffer());
        note(call.agent, sent);
        ports.agents().ringing(agentId);
    }

    /**
     * Opens a leg in the call's group (an engine may share one media pipeline between a call's legs), and turns an
     * engine's own loss of the leg (its media server failed) into the event the RTP timeout posts, with the reason.
     * {@code srtp} is the trunk's or the agent's mode; the leg keeps it for every later offer and answer.
     */
    private MediaLeg openMedia(String id, SrtpMode srtp) {
        LegKind leg = id.startsWith("c-") ? LegKind.CUSTOMER : LegKind.AGENT;
        MediaLeg media;
        try {
            media = ports.media().openLeg(id, call.callId().toString(), srtp);
        } catch (PortsExhaustedException e) {
            call.post(new Failed(leg, null, "no RTP port: " + e.getMessage()));
            return null;
        }
        media.onMediaLost(reason -> call.post(new CallEvent.MediaLost(leg, reason)));
        return media;
    }

    /** Journals a fresh snapshot of each leg under way whose milestones changed (SIP ids, answer, bridge). */
    private void journalProgress() {
        for (LegLog log : new LegLog[] {call.customer, call.agent}) {
            if (log.snapshotDue()) {
                ports.cdr().legProgress(log.snapshot(call.plan(), ports.clock().instant()));
            }
        }
    }

    private static void note(LegLog log, SentInvite sent) {
        if (sent != null) {
            log.sipCallId = sent.sipCallId();
            log.fromUri = sent.fromUri();
            log.toUri = sent.toUri();
        }
    }

    private void play(Treatment treatment, Runnable onPromptFinished) {
        MediaLeg media = call.customerMedia;
        if (media != null) {
            media.playTreatment(treatment, onPromptFinished);
        }
    }

    private void playAbandon(CampaignConfig campaign) {
        Instant now = ports.clock().instant();
        call.customer.abandonStartedAt = now;
        Instant promptAt = call.customer.answeredAt.plus(campaign.abandon().promptDelay());
        Duration delay = now.isBefore(promptAt) ? Duration.between(now, promptAt) : Duration.ZERO;
        if (campaign.prompt() == null) {
            return; // comfort noise goes on; the deadline timer ends the call
        }
        call.customer.promptName = campaign.prompt().name();
        play(new Treatment(campaign.prompt(), delay), () -> call.post(new CallEvent.PromptFinished()));
    }

    private void recordOptOut(RecordOptOut optOut, CampaignConfig campaign) {
        ports.optOuts().optedOut(call.plan().e164(), campaign.name(), ports.clock().instant());
        LOG.info("{} opted out by pressing {}: on the internal do-not-call list", ports.numberMask().mask(
                call.plan().e164()), optOut.digit());
    }

    /**
     * The agent answered: bridge, or with {@code recording = on-with-consent} first play the announcement to the
     * callee (over comfort noise, so never silence) and bridge when it has played. The agent is connected from
     * its answer either way (the call is no abandon candidate any more); an end of either leg meanwhile is handled
     * as in any bridged call, and the bridge then does not happen.
     */
    private void bridge() {
        Instant now = ports.clock().instant();
        ports.agents().talking(call.agent.agentId);
        watchMedia(LegKind.AGENT, ports.timeouts().agentRtp(), now);
        watchMedia(LegKind.CUSTOMER, ports.timeouts().customerRtp(), now);
        CampaignConfig.Recording recording = call.plan().campaign().recording();
        if (recording.mode() == RecordingMode.ON_WITH_CONSENT) {
            play(new Treatment(recording.announcement(), Duration.ZERO),
                    () -> call.execute(() -> connect(recording, true)));
        } else {
            connect(recording, false);
        }
    }

    /** Bridges the two media legs (if both are still open) and starts the recording the campaign asks for. */
    private void connect(CampaignConfig.Recording recording, boolean announcementPlayed) {
        MediaLeg customer = call.customerMedia;
        MediaLeg agent = call.agentMedia;
        if (customer == null || agent == null || call.status().state() != CallState.BRIDGED) {
            return;
        }
        Instant now = ports.clock().instant();
        call.customer.bridgedAt = now;
        call.agent.bridgedAt = now;
        customer.bridgeTo(agent);
        if (recording.mode().records()) {
            startRecording(customer, agent, now, announcementPlayed);
        }
    }

    private void startRecording(MediaLeg customer, MediaLeg agent, Instant now, boolean announcementPlayed) {
        CampaignConfig campaign = call.plan().campaign();
        CallRecordings.Opened opened;
        try {
            opened = ports.recordings().open(new CallRecordings.Start(call.callId(), call.customer.legId,
                    campaign.name(), call.plan().e164(), now, announcementPlayed));
        } catch (IOException | RuntimeException e) {
            LOG.error("call {} of campaign {} not recorded: {}", call.callId(), campaign.name(), e.toString());
            return;
        }
        try {
            // Ends by itself when either leg closes (the writer closes the sink): nothing to stop here.
            customer.record(agent, opened.id(), opened.sink());
            LOG.info("call {} recorded as {}", call.callId(), opened.id());
        } catch (RuntimeException e) {
            LOG.error("call {} not recorded: the media engine refused ({})", call.callId(), e.getMessage());
            try {
                opened.sink().close();
            } catch (IOException closeFailed) {
                LOG.warn("recording {} did not close: {}", opened.id(), closeFailed.toString());
            }
        }
    }

    /**
     * Checks a few times per timeout that a bridged leg's peer still sends RTP; MediaLost when it stopped. Silence
     * does not count while the peer said it would send nothing (held with a=recvonly or a=inactive).
     */
    private void watchMedia(LegKind leg, Duration timeout, Instant bridgedAt) {
        if (timeout == null || timeout.isZero()) {
            return;
        }
        long every = Math.max(200, Math.min(5000, timeout.toMillis() / 3));
        Instant[] quietFrom = {bridgedAt}; // only touched by this task's runs, which never overlap
        call.mediaWatches.put(leg, ports.timers().scheduleWithFixedDelay(() -> {
            MediaLeg media = call.media(leg);
            if (media == null) {
                return;
            }
            Instant now = ports.clock().instant();
            if (call.peerSendsNothing(leg)) {
                quietFrom[0] = now;
                return;
            }
            Instant last = media.stats().lastReceivedAt();
            Instant heard = last == null || last.isBefore(quietFrom[0]) ? quietFrom[0] : last;
            if (Duration.between(heard, now).compareTo(timeout) > 0) {
                call.post(new CallEvent.MediaLost(leg));
            }
        }, every, every, TimeUnit.MILLISECONDS));
    }

    /**
     * A peer's new offer (re-INVITE): negotiated first, so an unusable one changes nothing and gets 488 (RFC 3261
     * 14.2); otherwise the media leg answers it, which moves the relay to the new address, codec and direction.
     */
    private void answerOffer(AnswerOffer offer) {
        LegLog log = call.log(offer.leg());
        MediaLeg media = call.media(offer.leg());
        Negotiation next;
        String answer;
        try {
            if (media == null || offer.sdp() == null) {
                throw new SdpException(media == null ? "the leg's media is closed" : "no SDP offer in the re-INVITE");
            }
            next = OfferAnswer.answerOffer(SdpParser.parse(offer.sdp()), media.srtpMode());
            answer = media.answerOffer(offer.sdp());
        } catch (SdpException e) {
            LOG.info("re-INVITE on the {} leg refused: {}", offer.leg(), e.getMessage());
            log.onReoffer("re-INVITE refused (488): " + e.getMessage());
            // The Warning tells the phone's user why (RFC 3261 20.43), e.g. SRTP required but not offered.
            offer.reply().reject(488, "Not Acceptable Here", e.getMessage());
            return;
        }
        offer.reply().accept(answer);
        MediaDirection direction = next.peerDirection();
        call.peerSendsNothing(offer.leg(),
                direction == MediaDirection.RECVONLY || direction == MediaDirection.INACTIVE);
        String change = Reoffers.describe(log.negotiated, next);
        LOG.info("re-INVITE on the {} leg: {}", offer.leg(), change);
        log.onReoffer("re-INVITE: " + change);
        log.negotiated = next;
    }

    private void endLeg(EndLeg end) {
        LegLog log = call.log(end.leg());
        if (log.ended) {
            return;
        }
        log.ended = true;
        RtpStats rtp = closeMedia(end.leg());
        CdrLeg cdr = log.toCdr(call.plan(), end, ports.clock().instant(), rtp);
        ports.cdr().write(cdr);
        ports.observer().legEnded(call, cdr);
    }

    /** Closes a leg's media and returns its final counters. */
    RtpStats closeMedia(LegKind leg) {
        MediaLeg media = call.media(leg);
        if (media == null) {
            return RtpStats.NONE;
        }
        RtpStats stats = media.stats();
        media.close();
        if (leg == LegKind.CUSTOMER) {
            call.customerMedia = null;
        } else {
            call.agentMedia = null;
        }
        return stats;
    }
}
