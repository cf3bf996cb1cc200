package org.fairdial.config;

import java.time.Duration;

/**
 * Call control's own timers ({@code dialer.calls}).
 *
 * @param cancelTimeout      how long a leg we CANCELled may wait for its INVITE's final response (487, or a 200
 *                           that crossed the CANCEL) before it is ended anyway: 64*T1 = 32 s, the RFC 3261 Timer
 *                           B/F bound a transaction may wait for its peer
 * @param customerRtpTimeout a bridged callee sending no RTP this long is taken as gone (both legs hung up);
 *                           zero turns the check off
 */
public record CallControlConfig(Duration cancelTimeout, Duration customerRtpTimeout) {
}
