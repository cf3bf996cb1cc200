package org.fairdial.storage;

import org.fairdial.privacy.PersonalData;

/**
 * The pair of columns a looked-up personal value is kept in (migration V30): the value's blind index in the
 * column itself, so keys, lookups and joins work on it, and its envelope in the {@code *_enc} column beside it.
 * With encryption off the column holds the value and the {@code *_enc} column stays NULL.
 */
final class SealedColumns {
    private SealedColumns() {
    }

    /** What the {@code *_enc} column beside an indexed {@code value} holds: null when the index is the value. */
    static String beside(PersonalData personal, String purpose, String value) {
        return value == null || value.equals(personal.index(value)) ? null : personal.seal(purpose, value);
    }

    /**
     * The value read back: the envelope's plaintext when there is one, else the column itself (encryption off,
     * a row written before encryption was on, an erased number's one-way hash).
     */
    static String read(PersonalData personal, String purpose, String indexed, String sealed) {
        return sealed == null ? indexed : personal.open(purpose, sealed);
    }
}
