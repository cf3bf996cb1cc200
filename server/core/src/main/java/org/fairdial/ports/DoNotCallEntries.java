package org.fairdial.ports;

import java.time.Instant;
import java.util.function.Consumer;

/** The internal and per-campaign do-not-call entries kept in the store (national registries are files). */
public interface DoNotCallEntries {
    /** Scope of the internal list, which every campaign checks. */
    String INTERNAL = "*";

    /**
     * Prefix of an entry kept as a number's keyed hash ({@link org.fairdial.privacy.NumberHasher}) instead of the
     * number: what a privacy erasure leaves of someone who asked not to be called.
     */
    String HASHED = "hash:";

    /** Adds an entry; false when it was there already. */
    boolean add(String number, String scope, DoNotCallSource source, String note, Instant at);

    /** Removes an entry; false when there was none. */
    boolean remove(String number, String scope);

    /** The scope that lists the number for the campaign (internal first), or null. */
    String find(String number, String campaign);

    /** As {@link #find(String, String)}, also matching an entry kept only as the number's keyed hash. */
    String find(String number, String hashedForm, String campaign);

    /**
     * Hands every entry that bars the campaign (internal list and the campaign's own) to {@code entries}: an E.164
     * number, or {@link #HASHED} followed by a keyed hash.
     */
    void forEachBarring(String campaign, Consumer<String> entries);
}
