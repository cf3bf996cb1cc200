package org.fairdial.privacy;

/**
 * A stored personal value that cannot be read back: encrypted with a key not configured, altered, or malformed.
 * Its message names the column and the key id, never the value.
 */
public final class PersonalDataException extends RuntimeException {
    public PersonalDataException(String message) {
        super(message);
    }
}
