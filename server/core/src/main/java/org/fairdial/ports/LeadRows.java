package org.fairdial.ports;

import java.util.List;

/** The imported leads of each campaign, paged in lead-id order so a large list never sits in memory whole. */
public interface LeadRows {
    void upsert(List<LeadRow> rows);

    List<LeadRow> page(String campaign, String afterLeadId, int limit);

    long count(String campaign);
}
