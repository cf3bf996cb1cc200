/**
 * SRTP with SDES keying: the RFC 4568 {@code a=crypto} attribute, the crypto suites we speak, and the per-leg
 * contexts that protect what a leg sends and unprotect what it receives. The RFC 3711 transforms themselves are
 * jitsi-srtp's ({@code org.jitsi.srtp}); no cipher code lives here. No SDP offer/answer logic either: that is in
 * {@code org.fairdial.media.sdp}, which uses these types.
 */
package org.fairdial.media.srtp;
