/**
 * Media plane of the dialer: one {@link org.fairdial.media.MediaEngine} owns the Netty event loops and the RTP
 * port range, and hands out a {@link org.fairdial.media.MediaLeg} per call leg. A leg can play a generated
 * treatment (comfort noise with an optional prompt on top, paced every 20 ms) or be bridged to another leg
 * (symmetric RTP relay). Nothing here knows SIP: the server's call control drives legs through this API.
 * {@link org.fairdial.media.MediaEngineConfig} says which engine runs: this module's relay, or the Kurento engine
 * of module fairdial-kurento, which implements the same API on a Kurento Media Server.
 */
package org.fairdial.media;
