package org.fairdial.dialing;

import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Where agents' dispositions come in (feature code {@code *7N}, admin API): finds the campaign holding the agent's
 * last call and has its runner apply the code.
 */
public final class DispositionDesk {
    private final Supplier<Collection<CampaignRunner>> campaigns;

    public DispositionDesk(Supplier<Collection<CampaignRunner>> campaigns) {
        this.campaigns = campaigns;
    }

    /** The agent's disposition by its code; {@code callbackAt} null for the campaign's default delay. */
    public CompletableFuture<DispositionResult> dispose(String agentId, String code, Instant callbackAt) {
        CampaignRunner runner = holding(agentId);
        return runner == null ? CompletableFuture.completedFuture(DispositionResult.refused(code,
                "agent " + agentId + " has no call waiting for a disposition"))
                : runner.dispose(agentId, code, callbackAt);
    }

    /** The agent's disposition by its number in the campaign's list (feature code {@code *7N}). */
    public CompletableFuture<DispositionResult> disposeNumber(String agentId, int number) {
        CampaignRunner runner = holding(agentId);
        String code = runner == null ? null : runner.dispositionCode(number);
        if (code == null) {
            return CompletableFuture.completedFuture(DispositionResult.refused(null, runner == null
                    ? "agent " + agentId + " has no call waiting for a disposition" : "no disposition number " + number));
        }
        return runner.dispose(agentId, code, null);
    }

    private CampaignRunner holding(String agentId) {
        for (CampaignRunner runner : campaigns.get()) {
            if (runner.awaitsDisposition(agentId)) {
                return runner;
            }
        }
        return null;
    }
}
