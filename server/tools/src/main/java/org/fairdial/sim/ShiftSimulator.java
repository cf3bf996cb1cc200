package org.fairdial.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.compliance.AbandonRules;
import org.fairdial.compliance.ConnectWindow;
import org.fairdial.dialing.pacing.LiveEstimates;
import org.fairdial.dialing.pacing.Pacer;
import org.fairdial.dialing.pacing.PacingDecision;
import org.fairdial.dialing.pacing.PacingSnapshot;
import org.fairdial.dialing.pacing.PacingSnapshot.BusyAgent;
import org.fairdial.dialing.pacing.PacingSnapshot.RingingCall;

/**
 * A discrete-event simulation of one shift with a real {@link Pacer}, the real {@link AbandonAccountant} and
 * {@link LiveEstimates} fed as the live dialer feeds them. An answered call takes the longest-idle free agent at
 * once (or its reserved agent); with none free it waits for one within its {@link ConnectWindow} (the rule call
 * control applies: an agent freed within the window takes it, in answer order) and is abandoned at the window's
 * end, or at once without a window. The pacer is asked after every event and every
 * second; calls it starts are placed at once. Nothing happens after the shift's end. The workload's segments
 * change talk, wrap-up, answer behaviour and lead mix from their time on (a call keeps what it drew), and the
 * share of the team logged in: every second, free agents log out (or back in) to match it, and a busy agent
 * picked to leave logs out when its wrap-up ends; from that pick on the dialer no longer counts it (as an agent
 * who asked for a break after this call).
 */
public final class ShiftSimulator {
    private static final int FREE = 0;
    private static final int RESERVED = 1;
    private static final int TALKING = 2;
    private static final int WRAP_UP = 3;
    private static final int LOGGED_OUT = 4;

    private final Workload w;
    private final SplittableRandom dialRandom;
    private final SplittableRandom agentRandom;
    private final AbandonAccountant accountant;
    private final LiveEstimates estimates = new LiveEstimates(LiveEstimates.Priors.defaults());
    private final ShiftMetrics metrics = new ShiftMetrics();
    private final PriorityQueue<SimEvent> events = new PriorityQueue<>();
    private final int[] state;
    private final double[] since;
    private final double[] idleSince;
    private final double[] duration;
    private final long[] talkTicket;
    /** A busy agent who logs out when its wrap-up ends. */
    private final boolean[] leaving;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final List<SimCall> ringing = new ArrayList<>();
    private final ConnectWindow window;
    /** Answered calls waiting for an agent, in answer order, with their answer times. */
    private final Map<SimCall, Double> waiting = new LinkedHashMap<>();
    /** Waits whose window ends now; abandoned after every other event of this instant (an agent freed at the
     * window's very end still takes the call, as {@link ConnectWindow#takes} says). */
    private final List<SimCall> windowEnds = new ArrayList<>();
    private double now;
    private long seq;

    /** A shift whose answered calls with no free agent are abandoned at once. */
    public ShiftSimulator(Workload workload, long seed) {
        this(workload, seed, ConnectWindow.NONE);
    }

    /** A shift whose answered calls with no free agent wait for one as {@code window} allows. */
    public ShiftSimulator(Workload workload, long seed, ConnectWindow window) {
        this.w = workload;
        this.window = window;
        SplittableRandom root = new SplittableRandom(seed);
        this.dialRandom = root.split();
        this.agentRandom = root.split();
        this.accountant = new AbandonAccountant(AbandonRules.forProfile(w.profile(), w.abandonCap(), w.zone(),
                w.start()));
        state = new int[w.agents()];
        since = new double[w.agents()];
        idleSince = new double[w.agents()];
        duration = new double[w.agents()];
        talkTicket = new long[w.agents()];
        leaving = new boolean[w.agents()];
        for (int a = 0; a < w.agents(); a++) {
            free.add(a);
        }
    }

    /** What a pacer under test may read: the estimates, the accountant, and the day's drop counts. */
    public SimContext context() {
        return new SimContext(w, estimates, accountant, () -> metrics.connectedCalls() + metrics.abandonedCalls(),
                metrics::abandonedCalls);
    }

    /** Runs the shift to its end with {@code pacer} and reports it. */
    public ShiftResult run(Pacer pacer) {
        schedule(new SimEvent(1, SimEvent.TICK, null, -1));
        decide(pacer);
        boolean over = false;
        while (!events.isEmpty() && events.peek().at() < w.shiftSeconds()) {
            SimEvent e = events.poll();
            metrics.overCap(over, now, e.at());
            now = e.at();
            handle(e);
            while (!events.isEmpty() && events.peek().at() == now) {
                handle(events.poll());
            }
            endWindows();
            over = accountant.headroom(instant(now), 0) < 0;
            decide(pacer);
        }
        metrics.overCap(over, now, w.shiftSeconds());
        now = w.shiftSeconds();
        return ShiftResult.of(w, pacer.name(), metrics, accountant);
    }

    private void handle(SimEvent e) {
        switch (e.kind()) {
            case SimEvent.TICK -> {
                schedule(new SimEvent(now + 1, SimEvent.TICK, null, -1));
                matchLoggedIn();
            }
            case SimEvent.RESOLVE -> resolve(e.call());
            case SimEvent.TALK_END -> {
                estimates.talkEnded(talkTicket[e.agent()], instant(now));
                enter(e.agent(), WRAP_UP, w.conditionsAt(now).wrapUp().sample(agentRandom));
            }
            case SimEvent.WRAP_END -> {
                estimates.wrapUpEnded(Duration.ofNanos((long) (duration[e.agent()] * 1e9)));
                if (leaving[e.agent()]) {
                    leaving[e.agent()] = false;
                    state[e.agent()] = LOGGED_OUT;
                    return;
                }
                state[e.agent()] = FREE;
                since[e.agent()] = now;
                idleSince[e.agent()] = now;
                free.add(e.agent());
                takeWaitingCall();
            }
            case SimEvent.WINDOW_END -> windowEnds.add(e.call());
            default -> throw new IllegalStateException("event kind " + e.kind());
        }
    }

    private void resolve(SimCall call) {
        ringing.remove(call);
        if (!call.answers()) {
            estimates.dialUnanswered(call.ticket(), instant(now));
            if (call.agent() >= 0) {
                state[call.agent()] = FREE;
                free.addFirst(call.agent());
            }
            return;
        }
        estimates.dialAnswered(call.ticket(), instant(now));
        int agent = call.agent() >= 0 ? call.agent() : free.isEmpty() ? -1 : free.poll();
        if (agent < 0) {
            if (window.waits()) {
                waiting.put(call, now);
                schedule(new SimEvent(now + window.agentWait().toNanos() / 1e9, SimEvent.WINDOW_END, call, -1));
            } else {
                abandon();
            }
            return;
        }
        connect(agent);
    }

    /** Logs agents out or in so the team logged in matches the current segment's share. */
    private void matchLoggedIn() {
        int target = (int) Math.round(w.conditionsAt(now).loggedIn() * w.agents());
        int in = 0;
        for (int a = 0; a < state.length; a++) {
            in += state[a] == LOGGED_OUT || leaving[a] ? 0 : 1;
        }
        for (int a = state.length - 1; a >= 0 && in > target; a--) {
            if (state[a] == FREE) {
                free.remove(a);
                state[a] = LOGGED_OUT;
                in--;
            }
        }
        for (int a = state.length - 1; a >= 0 && in > target; a--) {
            if ((state[a] == TALKING || state[a] == WRAP_UP) && !leaving[a]) {
                leaving[a] = true;
                in--;
            }
        }
        for (int a = 0; a < state.length && in < target; a++) {
            if (leaving[a]) {
                leaving[a] = false;
                in++;
            } else if (state[a] == LOGGED_OUT) {
                state[a] = FREE;
                since[a] = now;
                idleSince[a] = now;
                free.add(a);
                in++;
            }
        }
        while (!free.isEmpty() && !waiting.isEmpty()) {
            takeWaitingCall();
        }
    }

    /** The agent that just became free takes the longest-waiting call, if that one is still in its window. */
    private void takeWaitingCall() {
        for (Iterator<Double> it = waiting.values().iterator(); it.hasNext(); ) {
            double answeredAt = it.next();
            it.remove();
            if (window.takes(Duration.ofNanos(Math.round((now - answeredAt) * 1e9)))) {
                connect(free.poll());
                return;
            }
            abandon();
        }
    }

    private void endWindows() {
        for (SimCall call : windowEnds) {
            if (waiting.remove(call) != null) {
                abandon(); // no agent became free within the window
            }
        }
        windowEnds.clear();
    }

    private void abandon() {
        metrics.abandoned(now);
        accountant.abandoned(instant(now));
    }

    private void connect(int agent) {
        double talk = w.conditionsAt(now).talk().sample(agentRandom);
        metrics.connected(now, now - idleSince[agent], Math.min(talk, w.shiftSeconds() - now));
        accountant.connected(instant(now));
        talkTicket[agent] = estimates.talkStarted(instant(now));
        enter(agent, TALKING, talk);
    }

    private void enter(int agent, int newState, double length) {
        state[agent] = newState;
        since[agent] = now;
        duration[agent] = length;
        schedule(new SimEvent(now + length, newState == TALKING ? SimEvent.TALK_END : SimEvent.WRAP_END, null,
                agent));
    }

    private void decide(Pacer pacer) {
        PacingDecision d = pacer.decide(snapshot());
        for (int i = 0; i < d.callsToStart(); i++) {
            int agent = -1;
            if (d.reserveAgentFirst()) {
                if (free.isEmpty()) {
                    break;
                }
                agent = free.poll();
                state[agent] = RESERVED;
                since[agent] = now;
            }
            dial(agent);
        }
    }

    private void dial(int agent) {
        metrics.dialed();
        Workload.Conditions c = w.conditionsAt(now);
        double answer = c.answerProbability();
        Distribution timeToAnswer = c.timeToAnswer();
        if (!c.leadMix().isEmpty()) {
            Workload.Lead lead = pick(c.leadMix(), dialRandom.nextDouble());
            answer = lead.answerProbability();
            timeToAnswer = lead.timeToAnswer() != null ? lead.timeToAnswer() : timeToAnswer;
        }
        double u = dialRandom.nextDouble();
        boolean answers = u < answer;
        double after;
        if (answers) {
            after = timeToAnswer.sample(dialRandom);
        } else if (u < answer + w.busyShare()) {
            after = w.busyTime().sample(dialRandom);
        } else if (u < answer + w.busyShare() + w.invalidShare()) {
            after = w.invalidTime().sample(dialRandom);
        } else {
            after = w.ringTimeout().sample(dialRandom);
        }
        SimCall call = new SimCall(now, answers, agent, estimates.dialPlaced(instant(now)));
        ringing.add(call);
        schedule(new SimEvent(now + after, SimEvent.RESOLVE, call, agent));
    }

    private static Workload.Lead pick(List<Workload.Lead> mix, double u) {
        double acc = 0;
        for (Workload.Lead l : mix) {
            acc += l.share();
            if (u < acc) {
                return l;
            }
        }
        return mix.get(mix.size() - 1);
    }

    private PacingSnapshot snapshot() {
        List<BusyAgent> busy = new ArrayList<>(state.length);
        for (int a = 0; a < state.length; a++) {
            if ((state[a] == TALKING || state[a] == WRAP_UP) && !leaving[a]) {
                busy.add(new BusyAgent(state[a] == WRAP_UP, now - since[a]));
            }
        }
        List<RingingCall> calls = new ArrayList<>(ringing.size());
        for (SimCall c : ringing) {
            calls.add(new RingingCall(now - c.dialedAt(), c.agent() >= 0));
        }
        return new PacingSnapshot(instant(now), free.size(), busy, calls);
    }

    private Instant instant(double seconds) {
        return w.start().plusNanos((long) (seconds * 1e9));
    }

    private void schedule(SimEvent e) {
        events.add(e.withSeq(seq++));
    }
}
