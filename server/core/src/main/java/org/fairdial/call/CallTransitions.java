package org.fairdial.call;

import static org.fairdial.call.AgentLegState.CANCELLING;
import static org.fairdial.call.AgentLegState.DONE;
import static org.fairdial.call.AgentLegState.INVITING;
import static org.fairdial.call.AgentLegState.UP;
import static org.fairdial.cdr.LegKind.AGENT;
import static org.fairdial.cdr.LegKind.CUSTOMER;

import java.util.ArrayList;
import java.util.List;
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
import org.fairdial.call.CallEvent.AgentReserved;
import org.fairdial.call.CallEvent.Answered;
import org.fairdial.call.CallEvent.Bye;
import org.fairdial.call.CallEvent.Dial;
import org.fairdial.call.CallEvent.Dtmf;
import org.fairdial.call.CallEvent.Failed;
import org.fairdial.call.CallEvent.Hangup;
import org.fairdial.call.CallEvent.NoAgentFree;
import org.fairdial.call.CallEvent.Progress;
import org.fairdial.call.CallEvent.PromptFinished;
import org.fairdial.call.CallEvent.Reoffer;
import org.fairdial.call.CallEvent.TimerFired;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.compliance.ConnectWindow;

/**
 * The dialer call's transition function: pure, total, no clock, no I/O.
 *
 * <pre>
 * state            event                    next             effects
 * NEW              Dial                     DIALING          InviteCustomer, StartTimer(RING)  (agent set aside or not)
 * DIALING|RINGING  Progress(C)              RINGING          -
 * DIALING|RINGING  Answered(C, usable)      ANSWERED         StopTimer(RING), PlayComfortNoise, Ack(C),
 *                                                            StartTimer(ABANDON_DEADLINE), ReserveAgent
 * DIALING|RINGING  Answered(C, unusable)    ENDED            StopTimer(RING), Ack(C), Bye(C), EndLeg(C, ABANDONED), [R]
 * DIALING|RINGING  Failed(C, code)          ENDED            StopTimer(RING), EndLeg(C, by code; REMOTE, or DIALER
 *                                                            when no response came), [R]
 * DIALING|RINGING  Timer(RING)              CANCELLING       Cancel(C), StartTimer(CUSTOMER_CANCEL)
 * DIALING|RINGING  Hangup                   CANCELLING       StopTimer(RING), Cancel(C), StartTimer(CUSTOMER_CANCEL)
 * CANCELLING       Failed(C)                ENDED            StopTimer(CUSTOMER_CANCEL),
 *                                                            EndLeg(C, NO_ANSWER | CANCELLED), [R]
 * CANCELLING       Answered(C)              ENDED            StopTimer(CUSTOMER_CANCEL), Ack(C), Bye(C),
 *                                                            EndLeg(C, ABANDONED), [R]  (200 crossed CANCEL)
 * CANCELLING       Timer(CUSTOMER_CANCEL)   ENDED            EndLeg(C, NO_ANSWER | CANCELLED, "no final response to
 *                                                            CANCEL"), [R]  (RFC 3261 Timer B/F: 64*T1)
 * CANCELLING       Progress(C) | Hangup     CANCELLING       -
 * ANSWERED         AgentReserved(a)         CONNECTING_AGENT InviteAgent(a), StartTimer(AGENT_CONNECT)
 * ANSWERED         NoAgentFree (no window)  ABANDONING       PlayAbandonTreatment
 * ANSWERED         NoAgentFree (window)     WAITING_FOR_AGENT StartTimer(CONNECT_WINDOW), WaitForAgent
 * WAITING_FOR_AGENT AgentReserved(a)        CONNECTING_AGENT StopTimer(CONNECT_WINDOW), InviteAgent(a),
 *                                                            StartTimer(AGENT_CONNECT)
 * WAITING_FOR_AGENT Timer(CONNECT_WINDOW)   ABANDONING       StopWaitingForAgent, PlayAbandonTreatment
 * WAITING_FOR_AGENT Bye(C) | Hangup | Timer(ABANDON_DEADLINE)
 *                                           ENDED            StopTimer(CONNECT_WINDOW), StopWaitingForAgent, then as
 *                                                            ANSWERED..ABANDONING below
 * CONNECTING_AGENT Progress(A)              CONNECTING_AGENT -
 * CONNECTING_AGENT Answered(A, usable)      BRIDGED          Ack(A), StopTimer(AGENT_CONNECT),
 *                                                            StopTimer(ABANDON_DEADLINE), Bridge
 * CONNECTING_AGENT Answered(A, unusable)    ABANDONING       StopTimer(AGENT_CONNECT), Ack(A), Bye(A), EndLeg(A, FAILED),
 *                                                            ReleaseAgent(UNAVAILABLE), PlayAbandonTreatment
 * CONNECTING_AGENT Failed(A)                ABANDONING       StopTimer(AGENT_CONNECT), EndLeg(A), ReleaseAgent(UNAVAILABLE),
 *                                                            PlayAbandonTreatment
 * CONNECTING_AGENT Timer(AGENT_CONNECT)     ABANDONING       Cancel(A), StartTimer(AGENT_CANCEL),
 *                                                            ReleaseAgent(UNAVAILABLE), PlayAbandonTreatment
 * ABANDONING       PromptFinished           ENDED            StopTimer(ABANDON_DEADLINE), Bye(C), EndLeg(C, ABANDONED)
 * ABANDONING       Timer(ABANDON_DEADLINE)  ENDED            Bye(C), EndLeg(C, ABANDONED)
 * ABANDONING       Dtmf(C, opt-out key)     ENDED            StopTimer(ABANDON_DEADLINE), RecordOptOut, Bye(C),
 *                                                            EndLeg(C, ABANDONED, "opted out")  (47 CFR 64.1200(a)(7))
 * BRIDGED          Bye(C) | Bye(A)          ENDED            Bye(other), EndLeg(both, ANSWERED), ReleaseAgent(WRAP_UP)
 * ANSWERED..ABANDONING  Bye(C) | Hangup | Timer(ABANDON_DEADLINE) while connecting
 *                                           ENDED            StopTimer(ABANDON_DEADLINE); if the agent is being invited:
 *                                                            StopTimer(AGENT_CONNECT), Cancel(A),
 *                                                            StartTimer(AGENT_CANCEL), ReleaseAgent(AVAILABLE,
 *                                                            UNAVAILABLE on the deadline); Bye(C) unless the callee left;
 *                                                            EndLeg(C, ABANDONED)
 * BRIDGED          Hangup                   ENDED            Bye(C), Bye(A), EndLeg(both, ANSWERED), ReleaseAgent(WRAP_UP)
 * BRIDGED          MediaLost(A)             ENDED            Bye(C), Bye(A), EndLeg(both, ANSWERED), ReleaseAgent(UNAVAILABLE)
 * BRIDGED          MediaLost(C)             ENDED            Bye(C), Bye(A), EndLeg(both, ANSWERED),
 *                                                            ReleaseAgent(WRAP_UP)
 * any, agent leg CANCELLING: Answered(A) -> StopTimer(AGENT_CANCEL), Ack(A), Bye(A), EndLeg(A, NO_ANSWER);
 *                  Failed(A) -> StopTimer(AGENT_CANCEL), EndLeg(A, NO_ANSWER);
 *                  Timer(AGENT_CANCEL) -> EndLeg(A, NO_ANSWER, "no final response to CANCEL");
 *                  Progress(A) -> nothing (a 180 that crossed our CANCEL)
 * any but ANSWERED, WAITING_FOR_AGENT  AgentReserved
 *                                           same             ReleaseAgent(AVAILABLE)  (reservation outlived the call)
 * ENDED            Bye | PromptFinished | Timer | MediaLost | Progress(C) | NoAgentFree
 *                                           ENDED            -  (raced the end of the call)
 * any but the above Dtmf                   same             -  (in BRIDGED the media relays it to the other leg)
 * ANSWERED..ABANDONING  Reoffer(C)          same             AnswerOffer(C)  (200 with our answer, or 488)
 * BRIDGED          Reoffer(A)               same             AnswerOffer(A)
 * any other        Reoffer                  same             RejectOffer(481)  (no dialog up on that leg)
 * anything else                             same             none; counted as unexpected
 *
 * [R]: ReleaseAgent(AVAILABLE) when an agent was set aside before dialing ({@link CallStatus#agentSetAside()}).
 * From the answer on, every agent comes through AgentReserved and is released by the rows that end its leg or,
 * when none was invited, by the AgentReserved row for a call that no longer needs it.
 * </pre>
 * An answered callee who hangs up before an agent talks to them counts as ABANDONED: the conservative reading of
 * every regulator's abandoned-call definition.
 */
public final class CallTransitions {
    /** CDR reason of a leg whose INVITE never got its final response after our CANCEL. */
    static final String NO_CANCEL_OUTCOME = "no final response to CANCEL";
    /** Start of the CDR reason of a callee who pressed the opt-out key; the key follows. */
    public static final String OPTED_OUT = "opted out: on the do-not-call list by keypress ";

    private CallTransitions() {
    }

    /** The transition of a call whose campaign offers no keypress opt-out and no connect window. */
    public static Step next(CallStatus s, CallEvent e) {
        return next(s, e, "");
    }

    /**
     * The transition of a call whose abandon message offers {@code optOutKey} ("" for none) to opt out, and whose
     * callee is abandoned at once when no agent is free.
     */
    public static Step next(CallStatus s, CallEvent e, String optOutKey) {
        return next(s, e, optOutKey, ConnectWindow.NONE);
    }

    /**
     * The transition of a call whose abandon message offers {@code optOutKey} ("" for none) to opt out, and whose
     * callee, when no agent is free at the answer, waits for one as long as {@code window} allows.
     */
    public static Step next(CallStatus s, CallEvent e, String optOutKey, ConnectWindow window) {
        if (e instanceof Reoffer r) {
            return reoffer(s, r);
        }
        if (e instanceof Dtmf d) {
            return dtmf(s, d, optOutKey);
        }
        Step agentSide = agentLegSide(s, e);
        if (agentSide != null) {
            return agentSide;
        }
        return switch (s.state()) {
            case NEW -> e instanceof Dial d
                    ? Step.to(new CallStatus(CallState.DIALING, s.agentLeg(), false, d.agentSetAside()),
                            new InviteCustomer(), new StartTimer(TimerKind.RING))
                    : Step.ignored(s);
            case DIALING, RINGING -> dialing(s, e);
            case CANCELLING -> cancelling(s, e);
            case ANSWERED -> answered(s, e, window);
            case WAITING_FOR_AGENT -> waitingForAgent(s, e);
            case CONNECTING_AGENT -> connectingAgent(s, e);
            case BRIDGED -> bridged(s, e);
            case ABANDONING -> abandoning(s, e);
            case ENDED -> lateEvent(e) ? Step.to(s) : Step.ignored(s);
        };
    }

    /**
     * Events that race a call's end and mean nothing once it is over: a BYE crossing ours, a prompt or timer that
     * finished as the call ended, a media check that fired meanwhile, a late 18x, the answer of a reservation
     * asked at the callee's 200 when the callee hung up before it came back empty.
     */
    private static boolean lateEvent(CallEvent e) {
        return e instanceof Bye || e instanceof PromptFinished || e instanceof TimerFired
                || e instanceof CallEvent.MediaLost || e instanceof Progress p && p.leg() == CUSTOMER
                || e instanceof NoAgentFree;
    }

    /** Late answers of an agent leg we cancelled, and reservations that outlived their need, in any state. */
    private static Step agentLegSide(CallStatus s, CallEvent e) {
        if (s.agentLeg() == CANCELLING) {
            if (e instanceof Answered a && a.leg() == AGENT) {
                return Step.to(s.with(s.state(), DONE), new StopTimer(TimerKind.AGENT_CANCEL), new Ack(AGENT),
                        new SendBye(AGENT),
                        endLeg(AGENT, Disposition.NO_ANSWER, HangupSide.DIALER, "answered after CANCEL"));
            }
            if (e instanceof Failed f && f.leg() == AGENT) {
                return Step.to(s.with(s.state(), DONE), new StopTimer(TimerKind.AGENT_CANCEL),
                        endLeg(AGENT, Disposition.NO_ANSWER, HangupSide.DIALER, "agent leg cancelled"));
            }
            if (e instanceof TimerFired t && t.timer() == TimerKind.AGENT_CANCEL) {
                return Step.to(s.with(s.state(), DONE),
                        endLeg(AGENT, Disposition.NO_ANSWER, HangupSide.DIALER, NO_CANCEL_OUTCOME));
            }
            if (e instanceof Progress p && p.leg() == AGENT) {
                return Step.to(s); // a 180 that crossed our CANCEL (sent at the connect deadline)
            }
        }
        if (e instanceof AgentReserved && s.state() != CallState.ANSWERED
                && s.state() != CallState.WAITING_FOR_AGENT) {
            return Step.to(s, new ReleaseAgent(AgentRelease.AVAILABLE));
        }
        return null;
    }

    /**
     * A re-INVITE is answered whenever its leg's dialog is up (the callee from its 200 until the call ends, the
     * agent while bridged), and refused with 481 otherwise: before the 2xx there is no dialog to re-INVITE in, and
     * after our BYE the peer's request crossed it.
     */
    private static Step reoffer(CallStatus s, Reoffer r) {
        boolean up = r.leg() == CUSTOMER
                ? switch (s.state()) {
                    case ANSWERED, WAITING_FOR_AGENT, CONNECTING_AGENT, BRIDGED, ABANDONING -> true;
                    default -> false;
                }
                : s.agentLeg() == UP;
        return Step.to(s, up ? new AnswerOffer(r.leg(), r.sdp(), r.reply())
                : new RejectOffer(r.reply(), 481, "Call/Transaction Does Not Exist"));
    }

    /**
     * A key press means something only while the abandon message plays, and only the opt-out key: the number goes
     * on the do-not-call list at once and the call ends at once (47 CFR 64.1200(a)(7); 16 CFR 310.4(b)(1)(v)(B)).
     * Everything else is heard and let be: keys before the message, to an agent (relayed by the media) or after
     * the end.
     */
    private static Step dtmf(CallStatus s, Dtmf d, String optOutKey) {
        if (s.state() != CallState.ABANDONING || d.leg() != CUSTOMER || optOutKey.isEmpty()
                || optOutKey.charAt(0) != d.digit()) {
            return Step.to(s);
        }
        return Step.to(s.with(CallState.ENDED), new StopTimer(TimerKind.ABANDON_DEADLINE), new RecordOptOut(d.digit()),
                new SendBye(CUSTOMER), endLeg(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER,
                        OPTED_OUT + d.digit()));
    }

    private static Step dialing(CallStatus s, CallEvent e) {
        if (e instanceof Progress p && p.leg() == CUSTOMER) {
            return Step.to(s.with(CallState.RINGING));
        }
        if (e instanceof Answered a && a.leg() == CUSTOMER) {
            if (!a.mediaUsable()) {
                return ended(s, new StopTimer(TimerKind.RING), new Ack(CUSTOMER),
                        new SendBye(CUSTOMER), endLeg(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER,
                                "no usable media in the answer"));
            }
            // Noise first: the callee must hear something from the first 20 ms frame; the ACK can follow. A
            // set-aside agent is handed on: ReserveAgent answers with it, and AgentReserved's rules take over.
            return Step.to(s.with(CallState.ANSWERED).withoutSetAsideAgent(), new StopTimer(TimerKind.RING),
                    new PlayComfortNoise(),
                    new Ack(CUSTOMER), new StartTimer(TimerKind.ABANDON_DEADLINE), new ReserveAgent());
        }
        if (e instanceof Failed f && f.leg() == CUSTOMER) {
            return ended(s, new StopTimer(TimerKind.RING),
                    endLeg(CUSTOMER, FailureDisposition.of(f.code()), failedBy(f), f.reason()));
        }
        if (e instanceof TimerFired t && t.timer() == TimerKind.RING) {
            return Step.to(s.with(CallState.CANCELLING), new Cancel(CUSTOMER),
                    new StartTimer(TimerKind.CUSTOMER_CANCEL));
        }
        if (e instanceof Hangup) {
            return Step.to(new CallStatus(CallState.CANCELLING, s.agentLeg(), true, s.agentSetAside()),
                    new StopTimer(TimerKind.RING), new Cancel(CUSTOMER), new StartTimer(TimerKind.CUSTOMER_CANCEL));
        }
        return Step.ignored(s);
    }

    private static Step cancelling(CallStatus s, CallEvent e) {
        if (e instanceof Failed f && f.leg() == CUSTOMER) {
            StopTimer stop = new StopTimer(TimerKind.CUSTOMER_CANCEL);
            return s.operatorCancel()
                    ? ended(s, stop, endLeg(CUSTOMER, Disposition.CANCELLED, HangupSide.DIALER, "cancelled"))
                    : ended(s, stop, endLeg(CUSTOMER, Disposition.NO_ANSWER, HangupSide.DIALER, "ring timeout"));
        }
        if (e instanceof Answered a && a.leg() == CUSTOMER) {
            return ended(s, new StopTimer(TimerKind.CUSTOMER_CANCEL), new Ack(CUSTOMER), new SendBye(CUSTOMER),
                    endLeg(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "answered after CANCEL"));
        }
        if (e instanceof TimerFired t && t.timer() == TimerKind.CUSTOMER_CANCEL) {
            return s.operatorCancel()
                    ? ended(s, endLeg(CUSTOMER, Disposition.CANCELLED, HangupSide.DIALER,
                            "cancelled; " + NO_CANCEL_OUTCOME))
                    : ended(s, endLeg(CUSTOMER, Disposition.NO_ANSWER, HangupSide.DIALER,
                            "ring timeout; " + NO_CANCEL_OUTCOME));
        }
        if (e instanceof Progress p && p.leg() == CUSTOMER || e instanceof Hangup) {
            return Step.to(s); // already on its way out
        }
        return Step.ignored(s);
    }

    private static Step answered(CallStatus s, CallEvent e, ConnectWindow window) {
        if (e instanceof AgentReserved r) {
            return Step.to(s.with(CallState.CONNECTING_AGENT, INVITING), new InviteAgent(r.agentId()),
                    new StartTimer(TimerKind.AGENT_CONNECT));
        }
        if (e instanceof NoAgentFree) {
            if (window.waits()) {
                return Step.to(s.with(CallState.WAITING_FOR_AGENT), new StartTimer(TimerKind.CONNECT_WINDOW),
                        new WaitForAgent());
            }
            return Step.to(s.with(CallState.ABANDONING), new PlayAbandonTreatment());
        }
        return customerGone(s, e);
    }

    /** Comfort noise plays; an agent that frees within the window takes the call, else the treatment starts. */
    private static Step waitingForAgent(CallStatus s, CallEvent e) {
        if (e instanceof AgentReserved r) {
            return Step.to(s.with(CallState.CONNECTING_AGENT, INVITING), new StopTimer(TimerKind.CONNECT_WINDOW),
                    new InviteAgent(r.agentId()), new StartTimer(TimerKind.AGENT_CONNECT));
        }
        if (e instanceof TimerFired t && t.timer() == TimerKind.CONNECT_WINDOW) {
            return Step.to(s.with(CallState.ABANDONING), new StopWaitingForAgent(), new PlayAbandonTreatment());
        }
        Step gone = customerGone(s, e);
        if (gone.unexpected()) {
            return gone;
        }
        var effects = new ArrayList<CallEffect>();
        effects.add(new StopTimer(TimerKind.CONNECT_WINDOW));
        effects.add(new StopWaitingForAgent());
        effects.addAll(gone.effects());
        return new Step(gone.status(), List.copyOf(effects), false);
    }

    private static Step connectingAgent(CallStatus s, CallEvent e) {
        if (e instanceof Progress p && p.leg() == AGENT) {
            return Step.to(s);
        }
        if (e instanceof Answered a && a.leg() == AGENT) {
            if (!a.mediaUsable()) {
                return Step.to(s.with(CallState.ABANDONING, DONE), new StopTimer(TimerKind.AGENT_CONNECT),
                        new Ack(AGENT), new SendBye(AGENT),
                        endLeg(AGENT, Disposition.FAILED, HangupSide.DIALER, "no usable media in the answer"),
                        new ReleaseAgent(AgentRelease.UNAVAILABLE), new PlayAbandonTreatment());
            }
            return Step.to(s.with(CallState.BRIDGED, UP), new Ack(AGENT), new StopTimer(TimerKind.AGENT_CONNECT),
                    new StopTimer(TimerKind.ABANDON_DEADLINE), new Bridge());
        }
        if (e instanceof Failed f && f.leg() == AGENT) {
            return Step.to(s.with(CallState.ABANDONING, DONE), new StopTimer(TimerKind.AGENT_CONNECT),
                    endLeg(AGENT, FailureDisposition.of(f.code()), failedBy(f), f.reason()),
                    new ReleaseAgent(AgentRelease.UNAVAILABLE), new PlayAbandonTreatment());
        }
        if (e instanceof TimerFired t && t.timer() == TimerKind.AGENT_CONNECT) {
            return Step.to(s.with(CallState.ABANDONING, CANCELLING), new Cancel(AGENT),
                    new StartTimer(TimerKind.AGENT_CANCEL), new ReleaseAgent(AgentRelease.UNAVAILABLE),
                    new PlayAbandonTreatment());
        }
        return customerGone(s, e);
    }

    private static Step bridged(CallStatus s, CallEvent e) {
        if (e instanceof Bye b) {
            boolean customerLeft = b.leg() == CUSTOMER;
            return Step.to(s.with(CallState.ENDED, DONE), new SendBye(customerLeft ? AGENT : CUSTOMER),
                    endLeg(CUSTOMER, Disposition.ANSWERED, customerLeft ? HangupSide.REMOTE : HangupSide.OTHER_LEG,
                            customerLeft ? "callee hung up" : "agent hung up"),
                    endLeg(AGENT, Disposition.ANSWERED, customerLeft ? HangupSide.OTHER_LEG : HangupSide.REMOTE,
                            customerLeft ? "callee hung up" : "agent hung up"),
                    new ReleaseAgent(AgentRelease.WRAP_UP));
        }
        if (e instanceof CallEvent.MediaLost m && m.leg() == CUSTOMER) {
            // The carrier lost the call without a BYE: the agent would talk to nobody for as long as they wait.
            return Step.to(s.with(CallState.ENDED, DONE), new SendBye(CUSTOMER), new SendBye(AGENT),
                    endLeg(CUSTOMER, Disposition.ANSWERED, HangupSide.DIALER, lost(m, "no RTP from the callee")),
                    endLeg(AGENT, Disposition.ANSWERED, HangupSide.DIALER, lost(m, "callee media lost")),
                    new ReleaseAgent(AgentRelease.WRAP_UP));
        }
        if (e instanceof CallEvent.MediaLost m && m.leg() == AGENT) {
            // The agent's phone died mid-call: better a clean hang-up than leave the callee on dead air.
            return Step.to(s.with(CallState.ENDED, DONE), new SendBye(CUSTOMER), new SendBye(AGENT),
                    endLeg(CUSTOMER, Disposition.ANSWERED, HangupSide.DIALER, lost(m, "agent media lost")),
                    endLeg(AGENT, Disposition.ANSWERED, HangupSide.DIALER, lost(m, "no RTP from the agent")),
                    new ReleaseAgent(AgentRelease.UNAVAILABLE));
        }
        if (e instanceof Hangup h) {
            return Step.to(s.with(CallState.ENDED, DONE), new SendBye(CUSTOMER), new SendBye(AGENT),
                    endLeg(CUSTOMER, Disposition.ANSWERED, HangupSide.DIALER, h.reason()),
                    endLeg(AGENT, Disposition.ANSWERED, HangupSide.DIALER, h.reason()),
                    new ReleaseAgent(AgentRelease.WRAP_UP));
        }
        return Step.ignored(s);
    }

    /** The CDR reason of a media loss: the engine's own when it lost the leg, else the silent peer's. */
    private static String lost(CallEvent.MediaLost m, String silentPeer) {
        return m.reason() != null ? m.reason() : silentPeer;
    }

    private static Step abandoning(CallStatus s, CallEvent e) {
        if (e instanceof PromptFinished) {
            return Step.to(s.with(CallState.ENDED), new StopTimer(TimerKind.ABANDON_DEADLINE),
                    new SendBye(CUSTOMER), endLeg(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER,
                            "no agent free: identification played"));
        }
        if (e instanceof TimerFired t && t.timer() == TimerKind.ABANDON_DEADLINE) {
            return Step.to(s.with(CallState.ENDED), new SendBye(CUSTOMER), endLeg(CUSTOMER,
                    Disposition.ABANDONED, HangupSide.DIALER, "no agent free: abandon deadline"));
        }
        return customerGone(s, e);
    }

    /**
     * The callee answered but nobody talked to them yet, and the call ends: they hung up, an operator or shutdown
     * ended it, or the abandon deadline passed while an agent was still being connected.
     */
    private static Step customerGone(CallStatus s, CallEvent e) {
        boolean byCallee = e instanceof Bye b && b.leg() == CUSTOMER;
        boolean deadline = e instanceof TimerFired t && t.timer() == TimerKind.ABANDON_DEADLINE;
        if (!byCallee && !(e instanceof Hangup) && !deadline) {
            return Step.ignored(s);
        }
        boolean agentInviting = s.agentLeg() == INVITING;
        String reason = byCallee ? "callee hung up before an agent" : e instanceof Hangup h ? h.reason()
                : "no agent free: abandon deadline";
        var effects = new ArrayList<CallEffect>();
        effects.add(new StopTimer(TimerKind.ABANDON_DEADLINE));
        if (agentInviting) {
            effects.add(new StopTimer(TimerKind.AGENT_CONNECT));
            effects.add(new Cancel(AGENT));
            effects.add(new StartTimer(TimerKind.AGENT_CANCEL));
            effects.add(new ReleaseAgent(deadline ? AgentRelease.UNAVAILABLE : AgentRelease.AVAILABLE));
        }
        if (!byCallee) {
            effects.add(new SendBye(CUSTOMER));
        }
        effects.add(endLeg(CUSTOMER, Disposition.ABANDONED, byCallee ? HangupSide.REMOTE : HangupSide.DIALER,
                reason));
        CallStatus next = s.with(CallState.ENDED, agentInviting ? CANCELLING : s.agentLeg());
        return new Step(next, List.copyOf(effects), false);
    }

    /**
     * The customer leg ends before the callee was ever talked to: the call is over, and an agent set aside for it
     * goes back to the pool (last, once the CDR is on its way).
     */
    private static Step ended(CallStatus s, CallEffect... effects) {
        CallStatus next = s.with(CallState.ENDED).withoutSetAsideAgent();
        if (!s.agentSetAside()) {
            return Step.to(next, effects);
        }
        var all = new ArrayList<>(List.of(effects));
        all.add(new ReleaseAgent(AgentRelease.AVAILABLE));
        return new Step(next, List.copyOf(all), false);
    }

    /** A final response is the peer's doing; no response at all (timeout, transport, local failure) is ours. */
    private static HangupSide failedBy(Failed f) {
        return f.code() == null ? HangupSide.DIALER : HangupSide.REMOTE;
    }

    private static EndLeg endLeg(LegKind leg, Disposition d, HangupSide side, String reason) {
        return new EndLeg(leg, d, side, reason);
    }
}
