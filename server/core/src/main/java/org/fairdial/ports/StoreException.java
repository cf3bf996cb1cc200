package org.fairdial.ports;

/**
 * The store could not be opened, migrated, read or written. The message names the operation (and, when opening,
 * the database) so an operator can act on it without the stack trace; the cause is the driver's exception.
 */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
