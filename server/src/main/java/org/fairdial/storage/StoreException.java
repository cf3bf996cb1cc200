package org.fairdial.storage;

import java.sql.SQLException;
import org.fairdial.privacy.NumberMask;

/**
 * The store could not be opened, migrated, read or written. The message names the operation (and, when opening,
 * the database) so an operator can act on it without the stack trace; the cause is the driver's exception.
 */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * {@code what} failed: the message is {@code what} and the driver's reason, with phone numbers masked in the
     * reason and in the cause kept. Drivers quote the values of the row that failed (H2 and PostgreSQL both do on
     * a key violation or an over-long value), and the command-line tools print the causes' messages too.
     */
    static StoreException of(String what, SQLException cause, NumberMask mask) {
        SQLException masked = maskedCopy(cause, mask);
        return new StoreException(what + ": " + masked.getMessage(), masked);
    }

    /** The SQL state and error code are kept: callers decide on them (a unique violation is retried, say). */
    private static SQLException maskedCopy(SQLException e, NumberMask mask) {
        SQLException copy = new SQLException(mask.scrub(e.getMessage()), e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        SQLException next = e.getNextException();
        if (next != null && next != e) {
            copy.setNextException(maskedCopy(next, mask));
        }
        return copy;
    }
}
