/**
 * The media engine on Netty: one UDP channel per call leg, generated treatments paced by absolute deadlines,
 * symmetric RTP for peers behind NAT, and a relay that bridges two legs while keeping each leg's outbound
 * stream (SSRC, sequence, timestamp) continuous for the phone at its end. Each leg's state lives on its channel's
 * event loop, so nothing is locked and nothing blocks a loop.
 */
package org.fairdial.media.relay;
