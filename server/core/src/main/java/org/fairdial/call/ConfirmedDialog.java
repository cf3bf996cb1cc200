package org.fairdial.call;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.fairdial.cdr.LegKind;
import org.fairdial.privacy.NumberMask;

/**
 * What the dialer needs to end one of its confirmed dialogs with a BYE built from scratch, after a crash took the
 * SIP stack's own dialog state with it: the dialog id and the UAC's view of it (RFC 3261 12.1.2), the next local
 * CSeq (12.2.1.1), and where the request goes (the first route, else the remote target, RFC 3261 8.1.2). Journaled
 * when the leg's 2xx is ACKed; the leg's end record retires it.
 *
 * @param legId         the CDR leg the dialog belongs to
 * @param callId        the dialer call of that leg
 * @param kind          customer (carrier) or agent leg
 * @param sipCallId     the dialog's Call-ID
 * @param localUri      the From URI we sent
 * @param localTag      our From tag
 * @param remoteUri     the To URI we sent
 * @param remoteTag     the To tag of the peer's 2xx
 * @param remoteTarget  the Contact URI of the peer's 2xx: the BYE's Request-URI
 * @param routeSet      the Record-Route URIs of the 2xx in reverse order (empty without proxies)
 * @param nextLocalCseq the CSeq number the BYE takes
 * @param transport     udp or tcp
 * @param nextHopHost   host the BYE is sent to
 * @param nextHopPort   port the BYE is sent to
 */
public record ConfirmedDialog(UUID legId, UUID callId, LegKind kind, String sipCallId, String localUri,
                              String localTag, String remoteUri, String remoteTag, String remoteTarget,
                              List<String> routeSet, long nextLocalCseq, String transport, String nextHopHost,
                              int nextHopPort) {

    public ConfirmedDialog {
        Objects.requireNonNull(legId, "legId");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sipCallId, "sipCallId");
        Objects.requireNonNull(localUri, "localUri");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteUri, "remoteUri");
        Objects.requireNonNull(remoteTag, "remoteTag");
        Objects.requireNonNull(remoteTarget, "remoteTarget");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(nextHopHost, "nextHopHost");
        routeSet = List.copyOf(routeSet);
        if (nextLocalCseq < 1 || nextLocalCseq > 0x7FFF_FFFFL) {
            throw new IllegalArgumentException("CSeq out of range (RFC 3261 8.1.1.5): " + nextLocalCseq);
        }
        if (nextHopPort < 1 || nextHopPort > 65535) {
            throw new IllegalArgumentException("next-hop port out of range: " + nextHopPort);
        }
    }

    /** Safe to log: the peer's user part (a phone number on a customer leg) masked. */
    @Override
    public String toString() {
        return kind + " dialog " + sipCallId + " with " + maskUser(remoteUri) + " via " + transport + ":"
                + nextHopHost + ":" + nextHopPort;
    }

    /** {@code sip:+390212345678@host} as {@code sip:***@host} (no mask setting at hand, so every digit hidden). */
    static String maskUser(String uri) {
        int colon = uri.indexOf(':');
        int at = uri.indexOf('@');
        if (colon < 0 || at < colon) {
            return NumberMask.HIDDEN.mask(uri);
        }
        return uri.substring(0, colon + 1) + NumberMask.HIDDEN.mask(uri.substring(colon + 1, at)) + uri.substring(at);
    }
}
