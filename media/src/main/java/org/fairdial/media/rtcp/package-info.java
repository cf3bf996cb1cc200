/**
 * RTCP (RFC 3550 section 6) for each leg of the Netty engine, terminated per leg rather than relayed: each leg
 * is its own RTP source towards its peer (one SSRC, see {@link org.fairdial.media.rtp.RtpSender}), so it reports
 * on its own stream and reads the peer's reports about it. Sender reports while the leg sends RTP, receiver
 * reports otherwise, always with an SDES CNAME in a compound packet, on the section 6.3 interval; a BYE on close.
 * Receive-side interarrival jitter (appendix A.8) and loss come from the RTP the leg receives; the peer's view
 * (fraction lost, cumulative lost, jitter, round-trip time from LSR/DLSR) from its reports. Received packets are
 * untrusted: a malformed one is a value ({@link org.fairdial.media.rtcp.RtcpParseResult.Malformed}), counted and
 * dropped, and only the address the leg's RTP latched onto may feed the figures.
 */
package org.fairdial.media.rtcp;
