package org.fairdial.config;

import java.util.List;
import org.fairdial.auth.CidrBlock;
import org.fairdial.auth.LockoutPolicy;

/**
 * Defence of the SIP port against scanners and password guessers ({@code dialer.sip.security}).
 *
 * @param lockout            when failed digest authentications lock a source (or a user at a source) out
 * @param registerPerSecond  REGISTERs per second one source address may send (0: no limit); more are dropped
 * @param invitePerSecond    INVITEs per second per source address (0: no limit)
 * @param optionsPerSecond   OPTIONS per second per source address (0: no limit)
 * @param burst              requests of one method a source may send at once before its rate applies
 * @param scannerUserAgents  User-Agent substrings (case-insensitive) of scanners whose requests get no answer
 * @param agentAllowFrom     addresses agents may register and dial feature codes from; empty: anywhere
 * @param digestAlgorithms   digest algorithms offered to agents, in order of preference ({@code MD5},
 *                           {@code SHA-256}): one WWW-Authenticate each (RFC 8760 2.4)
 * @param unsolicitedInvite  answer to an INVITE that opens no call of ours (403, 404, 488, 603), or 0 to drop it
 */
public record SipSecurityConfig(
        LockoutPolicy lockout,
        double registerPerSecond,
        double invitePerSecond,
        double optionsPerSecond,
        int burst,
        List<String> scannerUserAgents,
        List<CidrBlock> agentAllowFrom,
        List<String> digestAlgorithms,
        int unsolicitedInvite) {
    /** What a server with no {@code security} section gets: lockouts and limits off, MD5 only, 403. */
    public static final SipSecurityConfig NONE = new SipSecurityConfig(LockoutPolicy.OFF, 0, 0, 0, 1, List.of(),
            List.of(), List.of("MD5"), 403);
}
