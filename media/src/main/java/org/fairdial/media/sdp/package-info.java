/**
 * SDP (RFC 4566) and offer/answer (RFC 3264) for the one G.711 audio stream a dialer leg carries. The parser is
 * lenient with what real peers send (SIPp, softphones, PBXs, carrier SBCs) because a call lost to a harmless
 * quirk is a call lost; what it cannot work with becomes an {@link org.fairdial.media.sdp.SdpException} that
 * says why, for the CDR and the logs.
 */
package org.fairdial.media.sdp;
