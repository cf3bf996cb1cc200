package org.fairdial.dialing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
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
        return importList(campaign.name(), campaign.leadsFile(), campaign.leadColumns(), campaign.defaultRegion());
    }

    public LeadImport.Report importList(String campaign, Path file, LeadColumns columns, String region)
            throws IOException {
        List<LeadRow> batch = new ArrayList<>(BATCH);
        LeadImport.Report report = LeadImport.run(file, columns, region, new LeadImport.Sink() {
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

    static LeadRow row(String campaign, Lead lead) {
        return new LeadRow(campaign, lead.id(), lead.e164(), lead.raw(), lead.line(), lead.name(),
                lead.timeZone() == null ? null : lead.timeZone().getId(),
                lead.consent() == null ? null : lead.consent().source(),
                lead.consent() == null ? null : lead.consent().at(), lead.fields());
    }
}
