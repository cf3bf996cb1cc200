package org.fairdial.compliance;

import java.time.Instant;
import java.util.List;

/**
 * What the dialer knows about a number beyond its lead: lists and call history shared by all campaigns. Asked
 * lazily, in rule order, so a lead denied early costs no further look-ups.
 */
public interface NumberFacts {

    /** The name of a do-not-call list holding the number (e.g. {@code internal}, {@code registry:us}), or null. */
    String doNotCallList(String e164);

    /** Abandoned calls and live contacts of the number, across campaigns. */
    AbandonHistory abandons(String e164);

    /** Times of calls placed to the number after {@code since}, by any campaign. */
    List<Instant> attemptsSince(String e164, Instant since);
}
