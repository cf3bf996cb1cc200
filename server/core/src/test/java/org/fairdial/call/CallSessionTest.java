package org.fairdial.call;

import org.fairdial.testkit.ManualTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.agent.AgentState;
import org.fairdial.call.CallEvent.Bye;
import org.fairdial.call.CallEvent.Progress;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.config.AgentConfig;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.CampaignConfig.AbandonConfig;
import org.fairdial.config.CampaignConfig.CallerId;
import org.fairdial.config.RecordingMode;
import org.fairdial.config.TrunkConfig;
import org.fairdial.media.DtmfListener;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.prompt.Prompt;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.RtpStats;
import org.fairdial.media.sdp.NegotiatedMedia;
import org.fairdial.media.sdp.SdpException;
import org.fairdial.privacy.NumberMask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A call session with real call control, real agent registry and call registry, and recording stand-ins only for
 * the network (SIP, RTP). The call's executor and its timers run when the test says so.
 */
class CallSessionTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Prompt PROMPT = Prompt.ofSamples("id.wav", new short[8000 * 2]);
    /** The shipped example campaign (profile, rules and all), with a 2 s prompt of our own. */
    private static final CampaignConfig CAMPAIGN = withPrompt(ExampleConfig.campaign("spring"), PROMPT);
    private static final TrunkConfig TRUNK = new TrunkConfig("carrier", "127.0.0.1", 5070, "udp", null, null, 30);

    private static CampaignConfig withPrompt(CampaignConfig c, Prompt prompt) {
        return new CampaignConfig(c.name(), c.enabled(), c.trunk(), c.leadsFile(), c.defaultRegion(), c.callerId(),
                c.profile(), prompt, c.pacing(), c.dialRatio(), c.ringTimeout(), c.agentConnectTimeout(), c.wrapUp(),
                c.abandon(), c.rules(), c.leadColumns(), c.doNotCall());
    }

    private final ManualTime time = new ManualTime(T0);
    private final Deque<Runnable> pool = new ArrayDeque<>();
    private final List<String> sip = new ArrayList<>();
    private final List<CdrLeg> cdrs = new ArrayList<>();
    private final Map<String, FakeLeg> media = new LinkedHashMap<>();
    private final CallRegistry calls = new CallRegistry();
    /** The internal do-not-call list, as the keypress opt-outs reach it: "number campaign at". */
    private final List<String> optedOut = new ArrayList<>();
    private AgentRegistry agents;

    private OptOutSink optOuts() {
        return (e164, campaign, at) -> optedOut.add(e164 + " " + campaign + " " + at);
    }

    @BeforeEach
    void setUp() {
        agents = new AgentRegistry(Map.of("1001", new AgentConfig("1001", "Alice", "0".repeat(32))), time, time);
        Executor executor = pool::add;
        calls.bind(new CallPorts(new RecordingSignalling(), agents, new FakeMedia(), cdrs::add, calls, executor, time,
                time, new CallTimeouts(CallTimeouts.SIP_TRANSACTION, Duration.ZERO, Duration.ZERO), NumberMask.DEFAULT, optOuts()));
    }

    @Test
    void answeredCallIsBridgedToTheAgentAndEndsWithTwoAnsweredLegs() {
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        CallSession call = calls.start(plan());
        run();
        assertEquals(List.of("INVITE customer"), sip);
        assertEquals(List.of(Duration.ofSeconds(25)), time.pending(), "ring timer");

        call.post(new Progress(LegKind.CUSTOMER, 180, false));
        time.advance(Duration.ofSeconds(4));
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        assertEquals(List.of("INVITE customer", "ACK CUSTOMER", "INVITE agent 1001 at sip:1001@10.0.0.7:5062"), sip);
        assertEquals(List.of("answer v=0 callee", "treatment comfort noise"), customerLeg().actions);
        assertEquals(AgentState.RINGING, agent().state());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(2800)), time.pending(),
                "agent connect timer, abandon deadline 100 ms before max-duration");

        time.advance(Duration.ofMillis(800));
        call.answered(LegKind.AGENT, "v=0 agent");
        run();
        assertEquals(CallState.BRIDGED, call.status().state());
        assertEquals(AgentState.TALKING, agent().state());
        assertEquals("bridge to a-" + call.callId(), customerLeg().actions.get(2));
        assertEquals(List.of(), time.pending(), "no timer left once bridged");

        time.advance(Duration.ofSeconds(60));
        call.post(new Bye(LegKind.CUSTOMER));
        run();
        assertEquals("BYE AGENT", sip.get(sip.size() - 1));
        assertEquals(List.of(LegKind.CUSTOMER, LegKind.AGENT), cdrs.stream().map(CdrLeg::kind).toList());
        CdrLeg customer = cdrs.get(0);
        assertEquals(Disposition.ANSWERED, customer.disposition());
        assertEquals(HangupSide.REMOTE, customer.hangupSide());
        assertEquals(T0.plusSeconds(4), customer.answeredAt());
        assertEquals(T0.plusMillis(4800), customer.bridgedAt());
        assertEquals(T0.plusMillis(64_800), customer.endedAt());
        assertEquals(60_800, customer.talkMs());
        assertEquals("+390212345678", customer.normalizedNumber());
        CdrLeg agentLeg = cdrs.get(1);
        assertEquals(Disposition.ANSWERED, agentLeg.disposition());
        assertEquals(HangupSide.OTHER_LEG, agentLeg.hangupSide());
        assertTrue(media.values().stream().allMatch(l -> l.closed), "media closed");
        assertEquals(0, calls.size(), "forgotten once complete");
        assertEquals(0, calls.unexpectedEvents());

        assertEquals(AgentState.WRAP_UP, agent().state());
        time.advance(CAMPAIGN.wrapUp());
        assertEquals(AgentState.AVAILABLE, agent().state());
    }

    @Test
    void aMediaEngineLosingABridgedLegEndsTheCallWithItsReason() {
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        CallSession call = calls.start(plan());
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        call.answered(LegKind.AGENT, "v=0 agent");
        run();
        assertEquals(CallState.BRIDGED, call.status().state());
        assertTrue(media.values().stream().allMatch(l -> call.callId().toString().equals(l.callId)),
                "both legs opened in the call's group: " + media.keySet());

        media.values().stream().filter(l -> l.id.startsWith("a-")).findFirst().orElseThrow().lost
                .accept("media server connection lost (ws://kms:8888/kurento)");
        run();
        assertEquals(CallState.ENDED, call.status().state());
        assertTrue(sip.containsAll(List.of("BYE CUSTOMER", "BYE AGENT")), sip.toString());
        assertEquals(2, cdrs.size());
        for (CdrLeg leg : cdrs) {
            assertEquals(Disposition.ANSWERED, leg.disposition());
            assertEquals(HangupSide.DIALER, leg.hangupSide());
            assertTrue(leg.sipReason().endsWith("; media server connection lost (ws://kms:8888/kurento)"),
                    leg.sipReason());
        }
        assertEquals(AgentState.UNAVAILABLE, agent().state(), "the agent's leg was the one lost");
        assertTrue(media.values().stream().allMatch(l -> l.closed), "media closed");
        assertEquals(0, calls.unexpectedEvents());
    }

    @Test
    void noAgentFreePlaysThePromptAfterItsDelayAndHangsUpWhenItEnds() {
        CallSession call = calls.start(plan());
        run();
        time.advance(Duration.ofSeconds(2));
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        assertEquals(CallState.ABANDONING, call.status().state());
        assertEquals(List.of("answer v=0 callee", "treatment comfort noise", "treatment id.wav after PT0.2S"),
                customerLeg().actions);

        time.advance(Duration.ofMillis(2200));
        customerLeg().promptFinished.run();
        run();
        assertEquals(List.of("INVITE customer", "ACK CUSTOMER", "BYE CUSTOMER"), sip);
        CdrLeg leg = cdrs.get(0);
        assertEquals(Disposition.ABANDONED, leg.disposition());
        assertEquals(HangupSide.DIALER, leg.hangupSide());
        assertTrue(leg.abandonTreatment());
        assertEquals(2200, leg.abandonTreatmentMs());
        assertEquals(0, calls.size());
        assertEquals(0, calls.unexpectedEvents());
    }

    /** A campaign whose abandon message offers "press 9 to be called no more". */
    private static CallPlan optOutPlan() {
        CampaignConfig c = CAMPAIGN;
        AbandonConfig abandon = new AbandonConfig(c.abandon().maxDuration(), c.abandon().promptDelay(), "9", true);
        CampaignConfig campaign = new CampaignConfig(c.name(), c.enabled(), c.trunk(), c.leadsFile(),
                c.defaultRegion(), c.callerId(), c.profile(), c.prompt(), c.pacing(), c.dialRatio(), c.ringTimeout(),
                c.agentConnectTimeout(), c.wrapUp(), abandon, c.rules(), c.leadColumns(), c.doNotCall());
        return new CallPlan(UUID.randomUUID(), campaign, TRUNK, "+390212345678", "Mario Rossi", "02 1234 5678",
                "+390212345678", null);
    }

    @Test
    void theOptOutKeyDuringTheAbandonMessageListsTheNumberAndHangsUpAtOnce() {
        CallSession call = calls.start(optOutPlan());
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        assertEquals(CallState.ABANDONING, call.status().state());
        time.advance(Duration.ofMillis(900));
        customerLeg().dtmf.pressed('5');
        run();
        assertEquals(CallState.ABANDONING, call.status().state(), "another key changes nothing");
        customerLeg().dtmf.pressed('9');
        run();
        assertEquals(List.of("+390212345678 spring " + T0.plusMillis(900)), optedOut);
        assertEquals(List.of("INVITE customer", "ACK CUSTOMER", "BYE CUSTOMER"), sip);
        CdrLeg leg = cdrs.get(0);
        assertEquals(Disposition.ABANDONED, leg.disposition());
        assertEquals(HangupSide.DIALER, leg.hangupSide());
        assertEquals(900, leg.abandonTreatmentMs(), "ended with the key, not at the deadline");
        assertTrue(leg.sipReason().contains(CallTransitions.OPTED_OUT + "9"), leg.sipReason());
        assertTrue(call.status().isComplete());
        assertEquals(List.of(), time.pending(), "abandon deadline stopped");
        assertTrue(customerLeg().closed);
        assertEquals(0, calls.unexpectedEvents());
    }

    @Test
    void theOptOutKeyOfACampaignWithoutOptOutDoesNothing() {
        CallSession call = calls.start(plan());
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        customerLeg().dtmf.pressed('9');
        run();
        assertEquals(CallState.ABANDONING, call.status().state());
        assertEquals(List.of(), optedOut);
        assertEquals(0, calls.unexpectedEvents());
    }

    @Test
    void abandonDeadlineSendsTheByeOneMarginBeforeMaxDuration() {
        CallSession call = calls.start(plan());
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        time.advance(Duration.ofMillis(2799));
        run();
        assertEquals(List.of("INVITE customer", "ACK CUSTOMER"), sip);
        time.advance(Duration.ofMillis(1));
        run();
        assertEquals(List.of("INVITE customer", "ACK CUSTOMER", "BYE CUSTOMER"), sip);
        assertEquals(2800, cdrs.get(0).abandonTreatmentMs());
        assertTrue(call.status().isComplete());
        assertEquals(List.of(), time.pending(), "ring timer stopped at answer");
    }

    @Test
    void unusableAnswerFromTheCalleeIsAckedAndHungUp() {
        CallSession call = calls.start(plan());
        run();
        call.answered(LegKind.CUSTOMER, "bad sdp");
        run();
        assertEquals(List.of("INVITE customer", "ACK CUSTOMER", "BYE CUSTOMER"), sip);
        assertEquals(Disposition.ABANDONED, cdrs.get(0).disposition());
        assertTrue(call.status().isComplete());
    }

    /**
     * The callee hangs up right after answering: their BYE reaches the call's executor before the reservation the
     * answer triggered (ReserveAgent reserves synchronously and posts AgentReserved behind the queued BYE).
     */
    @Test
    void aReservationThatArrivesAfterTheCalleeHungUpIsReleased() {
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        CallSession call = calls.start(plan());
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        call.post(new Bye(LegKind.CUSTOMER));
        run();
        assertTrue(call.status().isComplete());
        assertEquals(Disposition.ABANDONED, cdrs.get(0).disposition());
        assertEquals(AgentState.AVAILABLE, agent().state());
        assertEquals(1, agents.availableCount());
    }

    @Test
    void agentThatUnregistersBetweenReservationAndInviteFailsTheAgentLeg() {
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        calls.addObserver(new CallObserver() {
            @Override
            public void stateChanged(CallSession call, CallStatus before, CallStatus after) {
                if (after.state() == CallState.ANSWERED) {
                    agents.unregistered("1001", "Expires: 0");
                }
            }
        });
        CallSession call = calls.start(plan());
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        assertEquals(CallState.ABANDONING, call.status().state());
        assertEquals(List.of("INVITE customer", "ACK CUSTOMER"), sip, "no INVITE to a phone that is gone");
        CdrLeg agentLeg = cdrs.stream().filter(c -> c.kind() == LegKind.AGENT).findFirst().orElseThrow();
        assertEquals(Disposition.FAILED, agentLeg.disposition());
        assertEquals("agent 1001 not registered", agentLeg.sipReason());
        assertEquals(AgentState.UNAVAILABLE, agent().state());
        assertNull(agents.contactOf("1001"));
        assertEquals(0, calls.unexpectedEvents());
    }

    /** Regression: a progressive call's agent stayed RESERVED for good when the callee's 200 crossed our CANCEL. */
    @Test
    void theSetAsideAgentIsAvailableAgainAfterA200CrossedTheRingTimeoutCancel() {
        CallSession call = calls.start(planWithSetAsideAgent());
        run();
        call.post(new Progress(LegKind.CUSTOMER, 180, false));
        time.advance(CAMPAIGN.ringTimeout());
        run();
        assertEquals(CallState.CANCELLING, call.status().state());
        assertEquals(AgentState.RESERVED, agent().state());
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        assertEquals(List.of("INVITE customer", "CANCEL CUSTOMER", "ACK CUSTOMER", "BYE CUSTOMER"), sip);
        assertEquals(Disposition.ABANDONED, cdrs.get(0).disposition());
        assertEquals(AgentState.AVAILABLE, agent().state());
        assertEquals(0, calls.size());
        assertEquals(0, calls.unexpectedEvents());
    }

    /** Regression: the same for a 200 whose SDP has no codec in common (G.729 only). */
    @Test
    void theSetAsideAgentIsAvailableAgainAfterAnAnswerWithoutAUsableCodec() {
        CallSession call = calls.start(planWithSetAsideAgent());
        run();
        call.answered(LegKind.CUSTOMER, "bad sdp: m=audio 4000 RTP/AVP 18");
        run();
        assertEquals(List.of("INVITE customer", "ACK CUSTOMER", "BYE CUSTOMER"), sip);
        assertEquals(AgentState.AVAILABLE, agent().state());
        assertEquals(1, agents.availableCount());
    }

    /** Answered, the set-aside agent is invited, and released once when its call ends. */
    @Test
    void theSetAsideAgentIsInvitedAtTheAnswerAndWrapsUpAfterTheCall() {
        CallSession call = calls.start(planWithSetAsideAgent());
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        assertEquals("INVITE agent 1001 at sip:1001@10.0.0.7:5062", sip.get(sip.size() - 1));
        call.answered(LegKind.AGENT, "v=0 agent");
        call.post(new Bye(LegKind.AGENT));
        run();
        assertEquals(AgentState.WRAP_UP, agent().state());
        time.advance(CAMPAIGN.wrapUp());
        assertEquals(AgentState.AVAILABLE, agent().state());
        assertEquals(0, calls.unexpectedEvents());
    }

    /**
     * An agent phone that ignores our CANCEL (no 487, no 200): after the cancel timeout (64*T1 on the manual
     * clock) its leg ends with a CDR and the call is forgotten, instead of staying live for good.
     */
    @Test
    void anAgentLegThatNeverAnswersOurCancelIsEndedAtTheCancelTimeout() {
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        CallSession call = calls.start(plan());
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        call.post(new Progress(LegKind.AGENT, 180, false));
        time.advance(CAMPAIGN.agentConnectTimeout());
        run();
        assertEquals("CANCEL AGENT", sip.get(sip.size() - 1));
        assertTrue(time.pending().contains(CallTimeouts.SIP_TRANSACTION), "cancel timer: " + time.pending());
        customerLeg().promptFinished.run();
        run();
        assertEquals(CallState.ENDED, call.status().state());
        assertEquals(1, calls.size(), "the agent leg still waits for its CANCEL's outcome");

        time.advance(CallTimeouts.SIP_TRANSACTION);
        run();
        assertEquals(0, calls.size(), "forgotten once the cancel timer ended the agent leg");
        CdrLeg agentLeg = cdrs.stream().filter(c -> c.kind() == LegKind.AGENT).findFirst().orElseThrow();
        assertEquals(Disposition.NO_ANSWER, agentLeg.disposition());
        assertEquals("no final response to CANCEL", agentLeg.sipReason());
        assertTrue(media.values().stream().allMatch(l -> l.closed), "media closed");
        assertEquals(List.of(), time.pending(), "no timer left");
        assertEquals(0, calls.unexpectedEvents());
    }

    /**
     * recording = on-with-consent: once the agent answers the callee hears the announcement (no bridge yet), then
     * the bridge and the recording start, noted with the announcement beside the customer's leg.
     */
    @Test
    void withConsentTheAnnouncementPlaysBeforeTheBridgeThenTheCallIsRecorded() {
        Prompt announcement = Prompt.ofSamples("consent", new short[8000]);
        CampaignConfig c = CAMPAIGN;
        CampaignConfig recorded = new CampaignConfig(c.name(), c.enabled(), c.trunk(), c.leadsFile(),
                c.defaultRegion(), c.callerId(), c.profile(), c.prompt(), c.pacing(), c.dialRatio(), c.ringTimeout(),
                c.agentConnectTimeout(), c.wrapUp(), c.abandon(), c.rules(), c.leadColumns(), c.doNotCall(),
                c.dispositions(), new CampaignConfig.Recording(RecordingMode.ON_WITH_CONSENT, announcement));
        List<CallRecordings.Start> started = new ArrayList<>();
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        CallRegistry recording = new CallRegistry();
        recording.bind(new CallPorts(new RecordingSignalling(), agents, new FakeMedia(), cdrs::add, recording,
                pool::add, time, time, new CallTimeouts(CallTimeouts.SIP_TRANSACTION, Duration.ZERO, Duration.ZERO),
                NumberMask.DEFAULT, optOuts(), start -> {
                    started.add(start);
                    return new CallRecordings.Opened("rec-1", sink);
                }));
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        CallSession call = recording.start(new CallPlan(UUID.randomUUID(), recorded, TRUNK, "+390212345678",
                "Mario Rossi", "02 1234 5678", "+390212345678", null));
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        call.answered(LegKind.AGENT, "v=0 agent");
        run();
        assertEquals(CallState.BRIDGED, call.status().state());
        assertEquals(AgentState.TALKING, agent().state());
        assertEquals("treatment consent after PT0S", customerLeg().actions.get(2));
        assertEquals(3, customerLeg().actions.size(), "no bridge while the announcement plays");
        assertEquals(List.of(), started);

        time.advance(Duration.ofSeconds(1));
        customerLeg().promptFinished.run();
        run();
        assertEquals("bridge to a-" + call.callId(), customerLeg().actions.get(3));
        assertEquals("record with a-" + call.callId() + " as rec-1", customerLeg().actions.get(4));
        assertEquals(1, started.size());
        CallRecordings.Start start = started.get(0);
        assertTrue(start.announcementPlayed());
        assertEquals(call.legId(LegKind.CUSTOMER), start.customerLegId());
        assertEquals("+390212345678", start.e164());
        assertEquals(T0.plusSeconds(1), start.startedAt());
    }

    /** A callee who hangs up during the announcement is never bridged nor recorded. */
    @Test
    void aCalleeGoneDuringTheAnnouncementIsNeitherBridgedNorRecorded() {
        CampaignConfig c = CAMPAIGN;
        CampaignConfig recorded = new CampaignConfig(c.name(), c.enabled(), c.trunk(), c.leadsFile(),
                c.defaultRegion(), c.callerId(), c.profile(), c.prompt(), c.pacing(), c.dialRatio(), c.ringTimeout(),
                c.agentConnectTimeout(), c.wrapUp(), c.abandon(), c.rules(), c.leadColumns(), c.doNotCall(),
                c.dispositions(), new CampaignConfig.Recording(RecordingMode.ON_WITH_CONSENT,
                        Prompt.ofSamples("consent", new short[8000])));
        List<CallRecordings.Start> started = new ArrayList<>();
        CallRegistry recording = new CallRegistry();
        recording.bind(new CallPorts(new RecordingSignalling(), agents, new FakeMedia(), cdrs::add, recording,
                pool::add, time, time, new CallTimeouts(CallTimeouts.SIP_TRANSACTION, Duration.ZERO, Duration.ZERO),
                NumberMask.DEFAULT, optOuts(), start -> {
                    started.add(start);
                    return new CallRecordings.Opened("rec-1", new java.io.ByteArrayOutputStream());
                }));
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        CallSession call = recording.start(new CallPlan(UUID.randomUUID(), recorded, TRUNK, "+390212345678",
                "Mario Rossi", "02 1234 5678", "+390212345678", null));
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        call.answered(LegKind.AGENT, "v=0 agent");
        run();
        Runnable announcementEnd = customerLeg().promptFinished;
        call.post(new Bye(LegKind.CUSTOMER));
        run();
        announcementEnd.run();
        run();
        assertTrue(customerLeg().actions.stream().noneMatch(a -> a.startsWith("bridge") || a.startsWith("record")),
                customerLeg().actions.toString());
        assertEquals(List.of(), started);
        assertEquals(2, cdrs.size());
    }

    /** dialer.calls.customer-rtp-timeout: a bridged callee who sends no RTP for 30 s is taken as gone. */
    @Test
    void aBridgedCalleeWhoSendsNoRtpIsHungUpAtTheCustomerRtpTimeout() {
        CallRegistry watched = new CallRegistry();
        watched.bind(new CallPorts(new RecordingSignalling(), agents, new FakeMedia(), cdrs::add, watched, pool::add,
                time, time, new CallTimeouts(CallTimeouts.SIP_TRANSACTION, Duration.ZERO, Duration.ofSeconds(30)), NumberMask.DEFAULT, optOuts()));
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        CallSession call = watched.start(plan());
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        call.answered(LegKind.AGENT, "v=0 agent");
        run();
        assertEquals(CallState.BRIDGED, call.status().state());

        time.advance(Duration.ofSeconds(30));
        run();
        assertEquals(CallState.BRIDGED, call.status().state(), "30 s of silence is not more than 30 s");
        time.advance(Duration.ofSeconds(5));
        run();
        assertEquals(CallState.ENDED, call.status().state());
        assertEquals(List.of("BYE CUSTOMER", "BYE AGENT"), sip.subList(sip.size() - 2, sip.size()));
        CdrLeg customer = cdrs.stream().filter(c -> c.kind() == LegKind.CUSTOMER).findFirst().orElseThrow();
        assertEquals(Disposition.ANSWERED, customer.disposition());
        assertEquals(HangupSide.DIALER, customer.hangupSide());
        assertTrue(customer.sipReason().endsWith("no RTP from the callee"), customer.sipReason());
        assertEquals(AgentState.WRAP_UP, agent().state(), "the agent talked: wrap-up, not out of rotation");
        assertTrue(call.mediaWatches.isEmpty(), "media watch stopped with the call");
        assertEquals(List.of(CAMPAIGN.wrapUp()), time.pending(), "only the agent's wrap-up is left");
        assertEquals(0, watched.unexpectedEvents());
    }

    /** Silence while the callee holds the call without sending (a=recvonly, a=inactive) is not a lost leg. */
    @Test
    void aCalleeOnHoldWithoutSendingIsNotTakenAsGone() {
        CallRegistry watched = new CallRegistry();
        watched.bind(new CallPorts(new RecordingSignalling(), agents, new FakeMedia(), cdrs::add, watched, pool::add,
                time, time, new CallTimeouts(CallTimeouts.SIP_TRANSACTION, Duration.ZERO, Duration.ofSeconds(30)), NumberMask.DEFAULT, optOuts()));
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        CallSession call = watched.start(plan());
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        call.answered(LegKind.AGENT, "v=0 agent");
        run();
        call.peerSendsNothing(LegKind.CUSTOMER, true);
        time.advance(Duration.ofMinutes(5));
        run();
        assertEquals(CallState.BRIDGED, call.status().state());
        call.peerSendsNothing(LegKind.CUSTOMER, false);
        time.advance(Duration.ofSeconds(35));
        run();
        assertEquals(CallState.ENDED, call.status().state(), "silence counts again once off hold");
    }

    /**
     * EffectRunner.dispatch ends in an explicit failure for an effect type it has no branch for; every permitted
     * CallEffect type must reach a branch (other failures of these context-free instances do not matter here).
     */
    @Test
    void everyCallEffectTypeHasAHandler() throws ReflectiveOperationException {
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        CallSession call = calls.start(plan());
        run();
        EffectRunner runner = new EffectRunner(call);
        for (Class<?> type : CallEffect.class.getPermittedSubclasses()) {
            CallEffect effect = sample(type);
            try {
                runner.dispatch(effect);
            } catch (RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                assertFalse(message.startsWith(EffectRunner.NO_HANDLER), message);
            }
        }
    }

    private static CallEffect sample(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> t = components[i].getType();
            types[i] = t;
            args[i] = t == String.class ? "1001" : t == boolean.class ? false : t == int.class ? 0
                    : t == char.class ? '9'
                    : t.isEnum() ? t.getEnumConstants()[0] : null;
        }
        return (CallEffect) type.getDeclaredConstructor(types).newInstance(args);
    }

    private static String offer(int port, String direction, String codecs) {
        return "v=0\r\no=callee 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port + " RTP/AVP " + codecs + "\r\na=" + direction + "\r\n";
    }

    /**
     * Re-INVITEs from the bridged callee go through the call's executor and state machine: hold, a move to another
     * port, an unusable offer (488, the call goes on), each in the leg's CDR; after the call, 481.
     */
    @Test
    void reInvitesOfTheBridgedCalleeAreAnsweredThroughTheCallAndTracedInItsCdr() {
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        CallSession call = calls.start(plan());
        run();
        call.answered(LegKind.CUSTOMER, "v=0 callee");
        run();
        call.answered(LegKind.AGENT, "v=0 agent");
        run();
        List<String> replies = new ArrayList<>();
        OfferReply reply = new OfferReply() {
            @Override
            public void accept(String sdpAnswer) {
                replies.add("200 " + sdpAnswer);
            }

            @Override
            public void reject(int status, String reason) {
                replies.add(status + " " + reason);
            }
        };

        String hold = offer(4000, "sendonly", "0");
        call.post(new CallEvent.Reoffer(LegKind.CUSTOMER, hold, reply));
        assertEquals(List.of(), replies, "answered on the call's executor, not the SIP thread");
        run();
        assertEquals(List.of("200 " + hold), replies, "the media leg's answer goes back");
        assertFalse(call.peerSendsNothing(LegKind.CUSTOMER), "a=sendonly: the callee still sends");

        String inactive = offer(4000, "inactive", "0");
        call.post(new CallEvent.Reoffer(LegKind.CUSTOMER, inactive, reply));
        run();
        assertTrue(call.peerSendsNothing(LegKind.CUSTOMER), "a=inactive: silence is expected");

        String moved = offer(4002, "sendrecv", "8 0");
        call.post(new CallEvent.Reoffer(LegKind.CUSTOMER, moved, reply));
        run();
        assertFalse(call.peerSendsNothing(LegKind.CUSTOMER));
        call.post(new CallEvent.Reoffer(LegKind.CUSTOMER, offer(4002, "sendrecv", "18"), reply));
        run();
        assertEquals("488 Not Acceptable Here", replies.get(replies.size() - 1));
        assertEquals(CallState.BRIDGED, call.status().state(), "an unusable offer does not end the call");

        call.post(new Bye(LegKind.CUSTOMER));
        call.post(new CallEvent.Reoffer(LegKind.CUSTOMER, moved, reply));
        run();
        assertEquals("481 Call/Transaction Does Not Exist", replies.get(replies.size() - 1));
        String reason = cdrs.get(0).sipReason();
        assertTrue(reason.contains("callee hung up; re-INVITE: hold (a=sendonly), re-INVITE: hold (a=inactive), "
                + "re-INVITE: unhold, media moved to 127.0.0.1:4002, codec PCMA, re-INVITE refused (488): "
                + "no common codec"), reason);
        assertEquals(0, calls.unexpectedEvents());
    }

    private CallPlan planWithSetAsideAgent() {
        agents.registered("1001", "sip:1001@10.0.0.7:5062", T0.plusSeconds(3600));
        String agent = agents.reserve(CAMPAIGN.name()).orElseThrow();
        return new CallPlan(UUID.randomUUID(), CAMPAIGN, TRUNK, "+390212345678", "Mario Rossi", "02 1234 5678",
                "+390212345678", agent);
    }

    private CallPlan plan() {
        return new CallPlan(UUID.randomUUID(), CAMPAIGN, TRUNK, "+390212345678", "Mario Rossi", "02 1234 5678",
                "+390212345678", null);
    }

    /** Runs the calls' executor until nothing is queued. */
    private void run() {
        Runnable task;
        while ((task = pool.poll()) != null) {
            task.run();
        }
    }

    private FakeLeg customerLeg() {
        return media.values().stream().filter(l -> l.id.startsWith("c-")).findFirst().orElseThrow();
    }

    private AgentSnapshot agent() {
        return agents.snapshot().get(0);
    }

    private final class RecordingSignalling implements CallSignalling {
        @Override
        public SentInvite inviteCustomer(CallSession call, String sdpOffer) {
            sip.add("INVITE customer");
            return new SentInvite("c-" + call.callId(), "sip:+390212345678@fairdial", "sip:+390212345678@carrier");
        }

        @Override
        public SentInvite inviteAgent(CallSession call, String agentId, String contactUri, String sdpOffer) {
            sip.add("INVITE agent " + agentId + " at " + contactUri);
            return new SentInvite("a-" + call.callId(), "sip:dialer@fairdial", contactUri);
        }

        @Override
        public void cancel(CallSession call, LegKind leg) {
            sip.add("CANCEL " + leg);
        }

        @Override
        public void ack(CallSession call, LegKind leg) {
            sip.add("ACK " + leg);
        }

        @Override
        public void bye(CallSession call, LegKind leg) {
            sip.add("BYE " + leg);
        }
    }

    private final class FakeMedia implements MediaEngine {
        @Override
        public MediaLeg openLeg(String id, String callId) {
            FakeLeg leg = (FakeLeg) openLeg(id);
            leg.callId = callId;
            return leg;
        }

        @Override
        public MediaLeg openLeg(String id) {
            FakeLeg leg = new FakeLeg(id);
            media.put(id, leg);
            return leg;
        }

        @Override
        public int openLegs() {
            return (int) media.values().stream().filter(l -> !l.closed).count();
        }

        @Override
        public void close() {
        }
    }

    /** Records what call control asks of the media leg; an SDP containing "bad" is refused. */
    private static final class FakeLeg implements MediaLeg {
        final String id;
        final List<String> actions = new ArrayList<>();
        Runnable promptFinished;
        DtmfListener dtmf;
        Consumer<String> lost;
        String callId;
        boolean closed;

        FakeLeg(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int localPort() {
            return 20000;
        }

        @Override
        public String createOffer() {
            return "v=0 offer " + id;
        }

        @Override
        public NegotiatedMedia applyAnswer(String sdpAnswer) throws SdpException {
            if (sdpAnswer.contains("bad")) {
                throw new SdpException("no common codec");
            }
            actions.add("answer " + sdpAnswer);
            return null;
        }

        @Override
        public String answerOffer(String sdpOffer) {
            return sdpOffer;
        }

        @Override
        public void playTreatment(Treatment treatment, Runnable onPromptFinished) {
            actions.add(treatment.prompt() == null ? "treatment comfort noise"
                    : "treatment " + treatment.prompt().name() + " after " + treatment.promptDelay());
            promptFinished = onPromptFinished;
        }

        @Override
        public void stopTreatment() {
            actions.add("stop treatment");
        }

        @Override
        public void onDtmf(DtmfListener listener) {
            dtmf = listener;
        }

        @Override
        public void bridgeTo(MediaLeg other) {
            actions.add("bridge to " + other.id());
        }

        @Override
        public org.fairdial.media.record.Recording record(MediaLeg other, String recordingId,
                                                          java.io.OutputStream sink) {
            actions.add("record with " + other.id() + " as " + recordingId);
            return () -> new org.fairdial.media.record.RecordingStats(0, 0, 0, false);
        }

        @Override
        public void onMediaLost(Consumer<String> listener) {
            lost = listener;
        }

        @Override
        public RtpStats stats() {
            return RtpStats.NONE;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
