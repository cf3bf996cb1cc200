/**
 * SRTP with SDES keys (the {@code a=crypto} lines are parsed in {@code org.fairdial.media.sdp}): the per-leg
 * sessions that protect what a leg sends and unprotect what it receives. The RFC 3711 transforms themselves are
 * jitsi-srtp's ({@code org.jitsi.srtp}); no cipher code lives here. No SDP offer/answer logic either: that is in
 * {@code org.fairdial.media.sdp}.
 */
package org.fairdial.media.srtp;
