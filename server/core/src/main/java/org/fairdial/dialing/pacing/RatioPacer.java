package org.fairdial.dialing.pacing;

/**
 * Fixed ratio: calls not yet answered (and with no agent reserved) stay at most {@code floor(ratio x available
 * agents)}, as the campaign's {@code dial-ratio} always meant. No agent is reserved, so answers that outnumber
 * free agents are abandoned; nothing here watches the abandon rate.
 */
public final class RatioPacer implements Pacer {
    private final double ratio;

    public RatioPacer(double ratio) {
        if (!(ratio >= 1.0)) {
            throw new IllegalArgumentException("ratio must be at least 1.0: " + ratio);
        }
        this.ratio = ratio;
    }

    @Override
    public String name() {
        return "ratio " + ratio;
    }

    @Override
    public PacingDecision decide(PacingSnapshot s) {
        int lines = (int) Math.floor(ratio * s.agentsAvailable() + 1e-9);
        int n = lines - s.unreservedRinging();
        return n <= 0 ? PacingDecision.NONE : new PacingDecision(n, false);
    }
}
