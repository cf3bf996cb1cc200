package org.fairdial.dialing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.compliance.AbandonRules;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.PacingMode;
import java.util.function.Function;
import org.fairdial.dialing.pacing.AbandonBudget;
import org.fairdial.dialing.pacing.LiveEstimates;
import org.fairdial.dialing.pacing.Pacer;
import org.fairdial.dialing.pacing.PredictivePacer;
import org.fairdial.dialing.pacing.PredictiveSettings;
import org.fairdial.dialing.pacing.ProgressivePacer;
import org.fairdial.dialing.pacing.RatioPacer;
import org.fairdial.ports.CdrHistory;

/**
 * Builds a campaign's pacing from its configuration and its history: the abandon accountant replays every answer
 * the store holds for the campaign into the windows of {@link org.fairdial.compliance.ComplianceWindows}, from the
 * campaign's stored epoch, and the answering machines agents reported, so a restart keeps the regulatory windows where they were and where the compliance
 * report puts them.
 */
public final class PacingFactory {
    private PacingFactory() {
    }

    static CampaignPacing create(CampaignConfig campaign, CdrHistory cdrs, Instant now) {
        List<Answer> history = new ArrayList<>();
        cdrs.forEachAnswer(campaign.name(), (at, abandoned) -> history.add(new Answer(at, abandoned)));
        // The TSR's 30-day periods and the Garante's campaign window count from the epoch the store keeps, the one
        // the compliance report uses; Ofcom's days are calendar days (compliance/ComplianceWindows).
        Instant epoch = cdrs.campaignEpoch(campaign.name(), now);
        ZoneId zone = campaign.rules().defaultZone() != null ? campaign.rules().defaultZone() : ZoneOffset.UTC;
        AbandonAccountant accountant = new AbandonAccountant(AbandonRules.forProfile(campaign.profile(), zone, epoch));
        for (Answer answer : history) {
            if (answer.abandoned()) {
                accountant.abandoned(answer.at());
            } else {
                accountant.connected(answer.at());
            }
        }
        // Machines agents reported (ANSWERING_MACHINE dispositions): Ofcom's formula deducts them, and the live
        // accountant had them from DispositionDesk; the report reads the same column.
        cdrs.forEachMachine(campaign.name(), accountant::machine);
        LiveEstimates estimates = new LiveEstimates(LiveEstimates.Priors.defaults());
        return new CampaignPacing(pacer(campaign, estimates), estimates, accountant,
                campaign.pacing() == PacingMode.RATIO);
    }

    /** One stored answer of the campaign, in answer order. */
    private record Answer(Instant at, boolean abandoned) {
    }

    /** The campaign's pacer, given the budget it spends (headroom less the agent-failure risk in flight). */
    private static Function<AbandonBudget, Pacer> pacer(CampaignConfig campaign, LiveEstimates estimates) {
        return budget -> switch (campaign.pacing()) {
            case PREVIEW -> ProgressivePacer.preview();
            case PROGRESSIVE -> ProgressivePacer.progressive();
            case RATIO -> new RatioPacer(campaign.dialRatio());
            case PREDICTIVE -> new PredictivePacer(estimates, budget, PredictiveSettings.defaults());
        };
    }
}
