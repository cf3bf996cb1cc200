package org.fairdial.dialing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.compliance.AbandonRules;
import org.fairdial.config.CampaignConfig;
import org.fairdial.dialing.pacing.LiveEstimates;
import org.fairdial.dialing.pacing.Pacer;
import org.fairdial.dialing.pacing.PredictivePacer;
import org.fairdial.dialing.pacing.PredictiveSettings;
import org.fairdial.dialing.pacing.ProgressivePacer;
import org.fairdial.dialing.pacing.RatioPacer;
import org.fairdial.storage.JdbcCdrRepository;

/**
 * Builds a campaign's pacing from its configuration and its history: the abandon accountant replays every answer
 * the store holds for the campaign, so a restart keeps the regulatory windows where they were.
 */
public final class PacingFactory {
    private PacingFactory() {
    }

    static CampaignPacing create(CampaignConfig campaign, JdbcCdrRepository cdrs, Instant now) {
        Instant[] first = {null};
        java.util.List<Instant[]> history = new java.util.ArrayList<>();
        cdrs.forEachAnswer(campaign.name(), (at, abandoned) -> {
            if (first[0] == null) {
                first[0] = at;
            }
            history.add(new Instant[] {at, abandoned ? at : null});
        });
        ZoneId zone = campaign.rules().defaultZone() != null ? campaign.rules().defaultZone() : ZoneOffset.UTC;
        AbandonAccountant accountant = new AbandonAccountant(AbandonRules.forProfile(campaign.profile(), zone,
                first[0] != null ? first[0] : now));
        for (Instant[] answer : history) {
            if (answer[1] != null) {
                accountant.abandoned(answer[0]);
            } else {
                accountant.connected(answer[0]);
            }
        }
        LiveEstimates estimates = new LiveEstimates(LiveEstimates.Priors.defaults());
        return new CampaignPacing(pacer(campaign, estimates, accountant), estimates, accountant,
                campaign.pacing() == org.fairdial.config.PacingMode.RATIO);
    }

    private static Pacer pacer(CampaignConfig campaign, LiveEstimates estimates, AbandonAccountant accountant) {
        return switch (campaign.pacing()) {
            case PREVIEW -> ProgressivePacer.preview();
            case PROGRESSIVE -> ProgressivePacer.progressive();
            case RATIO -> new RatioPacer(campaign.dialRatio());
            case PREDICTIVE -> new PredictivePacer(estimates, accountant::headroom, PredictiveSettings.defaults());
        };
    }
}
