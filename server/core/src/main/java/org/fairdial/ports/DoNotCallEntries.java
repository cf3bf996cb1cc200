package org.fairdial.ports;

import java.time.Instant;

/** The internal and per-campaign do-not-call entries kept in the store (national registries are files). */
public interface DoNotCallEntries {
    /** Scope of the internal list, which every campaign checks. */
    String INTERNAL = "*";

    /** Adds an entry; false when it was there already. */
    boolean add(String number, String scope, DoNotCallSource source, String note, Instant at);

    /** Removes an entry; false when there was none. */
    boolean remove(String number, String scope);

    /** The scope that lists the number for the campaign (internal first), or null. */
    String find(String number, String campaign);

    /** As {@link #find(String, String)}, also matching an entry kept only as the number's keyed hash. */
    String find(String number, String hashedForm, String campaign);
}
