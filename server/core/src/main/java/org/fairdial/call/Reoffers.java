package org.fairdial.call;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.fairdial.media.sdp.MediaDirection;
import org.fairdial.media.sdp.Negotiation;

/** What a re-INVITE changed, in words for the leg's CDR and the log. Pure. */
final class Reoffers {
    private Reoffers() {
    }

    /**
     * Hold (RFC 3264 8.4: a=sendonly, a=inactive, or the old c=0.0.0.0) and unhold, a new media address, a codec
     * change; "session refresh" when nothing changed. {@code before} is null when the previous SDP is unknown.
     */
    static String describe(Negotiation before, Negotiation after) {
        List<String> changes = new ArrayList<>();
        boolean wasHeld = before != null && held(before);
        if (held(after) && (!wasHeld || before.peerDirection() != after.peerDirection())) {
            changes.add("hold (a=" + after.peerDirection().attribute() + ")");
        } else if (!held(after) && wasHeld) {
            changes.add("unhold");
        }
        InetSocketAddress remote = after.media().remote();
        if (before != null && !before.media().remote().equals(remote) && !remote.getAddress().isAnyLocalAddress()) {
            changes.add("media moved to " + remote.getAddress().getHostAddress() + ":" + remote.getPort());
        }
        if (before != null && before.media().codec() != after.media().codec()) {
            changes.add("codec " + after.media().codec().encodingName());
        }
        if (before != null && before.secure() != after.secure()) {
            changes.add(after.secure() ? "SRTP on" : "SRTP off");
        }
        return changes.isEmpty() ? "session refresh" : String.join(", ", changes);
    }

    private static boolean held(Negotiation n) {
        return n.peerDirection() != MediaDirection.SENDRECV || n.media().remote().getAddress().isAnyLocalAddress();
    }
}
