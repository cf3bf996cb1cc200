package org.fairdial.dialing.pacing;

/**
 * Progressive (and preview) dialing: one call per free agent, each with its agent reserved before the INVITE, so
 * no call is ever abandoned. Preview differs only in the agent seeing the lead first, which call control handles.
 */
public final class ProgressivePacer implements Pacer {
    private final String name;

    private ProgressivePacer(String name) {
        this.name = name;
    }

    public static ProgressivePacer progressive() {
        return new ProgressivePacer("progressive");
    }

    public static ProgressivePacer preview() {
        return new ProgressivePacer("preview");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public PacingDecision decide(PacingSnapshot s) {
        return s.agentsAvailable() == 0 ? PacingDecision.NONE : new PacingDecision(s.agentsAvailable(), true);
    }
}
