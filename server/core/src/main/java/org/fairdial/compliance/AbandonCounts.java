package org.fairdial.compliance;

/**
 * What one regulatory window holds: live calls put through to an agent, live calls abandoned (answered, no agent
 * within the connect deadline) and answering machines that agents reported on calls put through to them (only
 * Ofcom's formula uses those).
 *
 * @param connected live calls connected to an agent
 * @param abandoned live calls abandoned
 * @param machines  calls put through to an agent that the agent marked as an answering machine
 */
public record AbandonCounts(long connected, long abandoned, long machines) {

    /** An empty window. */
    public static final AbandonCounts ZERO = new AbandonCounts(0, 0, 0);

    public AbandonCounts {
        if (connected < 0 || abandoned < 0 || machines < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** Calls answered by a live person: connected plus abandoned. */
    public long live() {
        return connected + abandoned;
    }

    /** These counts plus the given ones. */
    public AbandonCounts plus(long moreConnected, long moreAbandoned, long moreMachines) {
        return new AbandonCounts(connected + moreConnected, abandoned + moreAbandoned, machines + moreMachines);
    }
}
