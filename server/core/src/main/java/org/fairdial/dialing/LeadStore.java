package org.fairdial.dialing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fairdial.compliance.Consent;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.CampaignConfig.LeadColumns;
import org.fairdial.ports.LeadRows;
import org.fairdial.ports.LeadRow;

/**
 * Leads kept in the store rather than in memory: an import streams the list into {@code campaign_lead} in batches
 * (duplicates complete the first row in the database), and the dialer pages them back by lead id. With this, a
 * campaign of a million leads needs memory only for the page it works on.
 */
public final class LeadStore {
    private static final int BATCH = 500;

    private final LeadRows leads;

    public LeadStore(LeadRows leads) {
        this.leads = leads;
    }

    /** Imports the campaign's list through its column mapping and default region. */
    public LeadImport.Report importList(CampaignConfig campaign) throws IOException {
        return importList(campaign, ImportRefusals.NONE);
    }

    /**
     * Imports the campaign's list, refusing (with their line numbers) the rows of erased and do-not-call numbers.
     * Idempotent: importing the same list again changes nothing, so a restart may import it every time.
     */
    public LeadImport.Report importList(CampaignConfig campaign, ImportRefusals refusals) throws IOException {
        return importList(campaign.name(), campaign.leadsFile(), campaign.leadColumns(), campaign.defaultRegion(),
                refusals);
    }

    public LeadImport.Report importList(String campaign, Path file, LeadColumns columns, String region)
            throws IOException {
        return importList(campaign, file, columns, region, ImportRefusals.NONE);
    }

    public LeadImport.Report importList(String campaign, Path file, LeadColumns columns, String region,
                                        ImportRefusals refusals) throws IOException {
        List<LeadRow> batch = new ArrayList<>(BATCH);
        LeadImport.Report report = LeadImport.run(file, columns, region, refusals, new LeadImport.Sink() {
            @Override
            public void lead(Lead lead) {
                add(row(campaign, lead));
            }

            @Override
            public void duplicate(Lead again) {
                add(row(campaign, again));
            }

            private void add(LeadRow row) {
                batch.add(row);
                if (batch.size() == BATCH) {
                    leads.upsert(batch);
                    batch.clear();
                }
            }
        });
        leads.upsert(batch);
        return report;
    }

    /** Up to {@code limit} of the campaign's leads after {@code afterLeadId} (null: the first page), by id. */
    public List<Lead> page(String campaign, String afterLeadId, int limit) {
        List<Lead> page = new ArrayList<>();
        for (LeadRow r : leads.page(campaign, afterLeadId, limit)) {
            page.add(new Lead(r.leadId(), r.line(), r.rawNumber(), r.number(), r.name(),
                    r.timeZone() == null ? null : ZoneId.of(r.timeZone()),
                    r.consentSource() == null ? null : new Consent(r.consentSource(), r.consentAt()), r.fields()));
        }
        return page;
    }

    /** Every stored lead of the campaign, in the order of the list that first brought it (its line). */
    public List<Lead> all(String campaign) {
        return all(campaign, ImportRefusals.NONE);
    }

    /**
     * As {@link #all(String)}, without the leads {@code refusals} bars: a number put on the do-not-call list after
     * it was imported stays in the store, but is not handed to the dialer.
     */
    public List<Lead> all(String campaign, ImportRefusals refusals) {
        List<Lead> all = new ArrayList<>();
        String after = null;
        for (List<Lead> page = page(campaign, null, BATCH); !page.isEmpty(); page = page(campaign, after, BATCH)) {
            for (Lead lead : page) {
                if (refusals.refusal(lead) == null) {
                    all.add(lead);
                }
            }
            after = page.get(page.size() - 1).id();
        }
        all.sort(Comparator.comparingInt(Lead::line));
        return all;
    }

    static LeadRow row(String campaign, Lead lead) {
        return new LeadRow(campaign, lead.id(), lead.e164(), lead.raw(), lead.line(), lead.name(),
                lead.timeZone() == null ? null : lead.timeZone().getId(),
                lead.consent() == null ? null : lead.consent().source(),
                lead.consent() == null ? null : lead.consent().at(), lead.fields());
    }
}
