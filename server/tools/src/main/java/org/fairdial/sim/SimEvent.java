package org.fairdial.sim;

/** Something that happens at a time in the simulation; ties break in scheduling order. */
record SimEvent(double at, int kind, SimCall call, int agent, long seq) implements Comparable<SimEvent> {
    static final int TICK = 0;
    static final int RESOLVE = 1;
    static final int TALK_END = 2;
    static final int WRAP_END = 3;
    /** An answered call's connect window ends. */
    static final int WINDOW_END = 4;

    SimEvent(double at, int kind, SimCall call, int agent) {
        this(at, kind, call, agent, 0);
    }

    SimEvent withSeq(long s) {
        return new SimEvent(at, kind, call, agent, s);
    }

    @Override
    public int compareTo(SimEvent o) {
        int c = Double.compare(at, o.at);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
