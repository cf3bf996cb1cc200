package org.fairdial.sip;

/**
 * What the SIP port's defences refused since start ({@code dialer.sip.security}), for metrics.
 *
 * @param scannerDropped     requests from scanner User-Agents dropped unanswered
 * @param rateLimited        requests over their source's per-method rate, dropped unanswered
 * @param notAllowed         requests from outside an allow-list (agents' or a trunk's)
 * @param unsolicitedInvites INVITEs that were none of our calls nor a feature code
 * @param authFailures       digest answers refused (wrong password, unknown user)
 * @param refusedWhileLocked digest answers refused unheard because their source or user was locked out
 */
public record SipSecurityCounts(long scannerDropped, long rateLimited, long notAllowed, long unsolicitedInvites,
                                long authFailures, long refusedWhileLocked) {
}
