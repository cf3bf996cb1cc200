package org.fairdial.sip;

/**
 * The SIP stack's load and what overload protection shed since start ({@code dialer.sip.overload}, {@code
 * dialer.sip.tcp}), for metrics.
 *
 * @param shed                new requests answered 503 because the stack was overloaded, all sources
 * @param shedPriority        of those, from registered agents' or trunks' addresses
 * @param queueDelayMillis    how long the oldest received datagram has been waiting for a stack thread
 * @param queueDepth          received datagrams waiting for a stack thread
 * @param serverTransactions  server transactions alive
 * @param connectionsRefused  TCP/TLS connections closed on accept: their source held its share already
 */
public record SipOverloadCounts(long shed, long shedPriority, long queueDelayMillis, int queueDepth,
                                int serverTransactions, long connectionsRefused) {
    /** Before the stack starts. */
    static final SipOverloadCounts NONE = new SipOverloadCounts(0, 0, 0, 0, 0, 0);
}
