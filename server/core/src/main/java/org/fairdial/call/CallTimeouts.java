package org.fairdial.call;

import java.time.Duration;

/**
 * Timeouts of call control that do not come from the campaign.
 *
 * @param cancel      a cancelled leg waits this long for its INVITE's final response, then is ended anyway
 * @param agentRtp    a bridged agent silent (no RTP) this long is taken as gone; zero: never
 * @param customerRtp a bridged callee silent (no RTP) this long is taken as gone; zero: never
 */
public record CallTimeouts(Duration cancel, Duration agentRtp, Duration customerRtp) {
    /** RFC 3261 64*T1: the longest a transaction waits for its peer (Timer B, Timer F). */
    public static final Duration SIP_TRANSACTION = Duration.ofSeconds(32);

    public CallTimeouts {
        if (cancel == null || cancel.isNegative() || cancel.isZero()) {
            throw new IllegalArgumentException("cancel timeout must be positive: " + cancel);
        }
        if (agentRtp == null || agentRtp.isNegative() || customerRtp == null || customerRtp.isNegative()) {
            throw new IllegalArgumentException("RTP timeouts must be zero (off) or positive");
        }
    }
}
