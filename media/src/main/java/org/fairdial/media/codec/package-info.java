/**
 * G.711 codecs (µ-law and A-law) and PCMU/PCMA transcoding. The dialer only speaks G.711 because every carrier,
 * PBX and softphone does, it needs no licence, and a relay can transcode between the two laws with a table
 * lookup a byte, so a bridge never needs a media server.
 */
package org.fairdial.media.codec;
