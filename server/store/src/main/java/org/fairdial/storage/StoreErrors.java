package org.fairdial.storage;

import java.sql.SQLException;
import org.fairdial.ports.StoreException;
import org.fairdial.privacy.NumberMask;

/** How the JDBC repositories turn a driver's exception into the ports' {@link StoreException}. */
final class StoreErrors {
    private StoreErrors() {
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
