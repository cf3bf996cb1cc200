package org.fairdial.cdr;

/** Which side of a dialer call a leg is. Both legs of one call share a call id. */
public enum LegKind {
    /** Outbound through a trunk to the customer (the lead). */
    CUSTOMER,
    /** Outbound to an agent's registered softphone, bridged to the customer leg. */
    AGENT
}
