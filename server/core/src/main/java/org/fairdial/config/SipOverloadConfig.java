package org.fairdial.config;

import java.time.Duration;

/**
 * Shedding of new inbound requests while the SIP stack falls behind ({@code dialer.sip.overload}). The load is the
 * server's own: how long the oldest received datagram has waited for a stack thread, and how many server
 * transactions are alive. Past either threshold, new requests from unknown sources get a stateless 503 with
 * Retry-After (RFC 3261 21.5.4); past {@code priorityFactor} times a threshold, registered agents' and the trunks'
 * new requests are shed too. Requests within our dialogs, ACK, BYE, CANCEL and responses are never shed.
 *
 * @param enabled               false: nothing is shed (the rate limits of {@code security} still apply)
 * @param maxQueueDelay         the oldest datagram waiting for a stack thread longer than this means overload
 * @param maxServerTransactions server transactions alive beyond this mean overload
 * @param priorityFactor        multiple of either threshold beyond which agents and trunks are shed too (>= 1)
 * @param retryAfter            the Retry-After the 503 carries (whole seconds)
 */
public record SipOverloadConfig(boolean enabled, Duration maxQueueDelay, int maxServerTransactions,
                                double priorityFactor, Duration retryAfter) {
    /** What configurations built in code get: no shedding. */
    public static final SipOverloadConfig OFF = new SipOverloadConfig(false, Duration.ofMillis(200), 5000, 2,
            Duration.ofSeconds(5));
}
