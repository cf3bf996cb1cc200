package org.fairdial.call;

import org.fairdial.cdr.Disposition;

/** Maps a final non-2xx status (or none) of an INVITE to a CDR disposition. */
public final class FailureDisposition {
    private FailureDisposition() {
    }

    /** 486/600/603: busy or declined; 408/480/487: nobody answered; anything else or no response: failed. */
    public static Disposition of(Integer code) {
        if (code == null) {
            return Disposition.FAILED;
        }
        return switch (code) {
            case 486, 600, 603 -> Disposition.BUSY;
            case 408, 480, 487 -> Disposition.NO_ANSWER;
            default -> Disposition.FAILED;
        };
    }
}
