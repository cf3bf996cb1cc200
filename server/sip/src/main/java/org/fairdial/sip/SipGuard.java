package org.fairdial.sip;

import gov.nist.javax.sip.RequestEventExt;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import javax.sip.RequestEvent;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;
import org.fairdial.auth.AuthLockouts;
import org.fairdial.auth.CidrBlock;
import org.fairdial.auth.RequestRateLimit;
import org.fairdial.config.SipSecurityConfig;

/**
 * The first look at every request, before anything answers it: scanners that announce themselves
 * ({@code friendly-scanner}) and sources over their per-method rate get no answer at all, which a scanner cannot
 * tell from an address where nothing listens. Also holds the lockouts {@link AgentAuth} keeps and what the
 * security metrics count.
 */
final class SipGuard {
    private final SipSecurityConfig config;
    private final List<String> scanners;
    private final RequestRateLimit register;
    private final RequestRateLimit invite;
    private final RequestRateLimit options;
    final AuthLockouts lockouts;
    final LongAdder scannerDropped = new LongAdder();
    final LongAdder rateLimited = new LongAdder();
    final LongAdder notAllowed = new LongAdder();
    final LongAdder unsolicitedInvites = new LongAdder();
    final LongAdder refusedWhileLocked = new LongAdder();
    final LongAdder authFailures = new LongAdder();

    SipGuard(SipSecurityConfig config, InstantSource clock) {
        this.config = config;
        this.scanners = config.scannerUserAgents().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        this.register = new RequestRateLimit(config.registerPerSecond(), config.burst(), clock);
        this.invite = new RequestRateLimit(config.invitePerSecond(), config.burst(), clock);
        this.options = new RequestRateLimit(config.optionsPerSecond(), config.burst(), clock);
        this.lockouts = new AuthLockouts(config.lockout(), clock);
    }

    SipSecurityConfig config() {
        return config;
    }

    /** Whether to handle the request at all; false: drop it unanswered (counted). */
    boolean admit(RequestEvent event) {
        Request request = event.getRequest();
        if (!scanners.isEmpty() && request.getHeader(UserAgentHeader.NAME) instanceof UserAgentHeader ua) {
            String agent = String.join(" ", toStrings(ua)).toLowerCase(Locale.ROOT);
            for (String scanner : scanners) {
                if (agent.contains(scanner)) {
                    scannerDropped.increment();
                    return false;
                }
            }
        }
        RequestRateLimit limit = switch (request.getMethod()) {
            case Request.REGISTER -> register;
            case Request.INVITE -> invite;
            case Request.OPTIONS -> options;
            default -> null;
        };
        if (limit != null && !limit.allow(source(event))) {
            rateLimited.increment();
            return false;
        }
        return true;
    }

    /** Whether agents may authenticate from where this request came ({@code agent-allow-from}). */
    boolean agentSourceAllowed(RequestEvent event) {
        if (CidrBlock.allows(config.agentAllowFrom(), source(event))) {
            return true;
        }
        notAllowed.increment();
        return false;
    }

    /** The packet's source address (not what the Via claims), or "unknown". */
    static String source(RequestEvent event) {
        String host = event instanceof RequestEventExt ext ? ext.getRemoteIpAddress() : null;
        return host == null ? "unknown" : host;
    }

    private static List<String> toStrings(UserAgentHeader ua) {
        List<String> parts = new java.util.ArrayList<>();
        for (var it = ua.getProduct(); it != null && it.hasNext(); ) {
            parts.add(String.valueOf(it.next()));
        }
        return parts;
    }
}
