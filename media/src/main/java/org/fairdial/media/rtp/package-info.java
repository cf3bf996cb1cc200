/**
 * RTP on the wire (RFC 3550): parsing that treats every received datagram as untrusted and reports bad ones as a
 * result rather than an exception, the header we write, the outbound stream state that keeps one SSRC and a
 * continuous sequence and timestamp whatever feeds the stream, loss estimation, and the even-port allocator.
 */
package org.fairdial.media.rtp;
