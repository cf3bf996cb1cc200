package org.fairdial.cdr.journal;

import org.fairdial.call.ConfirmedDialog;
import java.io.IOException;

/** What a journal record says about its leg. */
enum JournalRecordType {
    /**
     * The leg is under way: a snapshot of what is known so far, written before its INVITE leaves and again at each
     * milestone (answer, bridge, abandon treatment). Only the latest counts; if the leg never ends in the journal
     * (the dialer died), start-up closes it from this snapshot.
     */
    OPEN((byte) 1),
    /** The leg ended: its final CDR, to be stored. */
    END((byte) 2),
    /**
     * The leg's dialog is confirmed (its 2xx was ACKed): a {@link ConfirmedDialog}, so that a dialer restarted
     * after a crash can send the BYE the dead one never did. Retired by the leg's END.
     */
    DIALOG((byte) 3);

    private final byte code;

    JournalRecordType(byte code) {
        this.code = code;
    }

    byte code() {
        return code;
    }

    static JournalRecordType of(byte code) throws IOException {
        for (JournalRecordType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IOException("unknown record type " + code);
    }
}
