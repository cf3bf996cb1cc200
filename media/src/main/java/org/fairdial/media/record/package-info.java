/**
 * Call recording on the media side: a {@link org.fairdial.media.record.StereoRecorder} takes the G.711 frames a
 * bridge relays (customer on the left channel, agent on the right), places them on a common 8 kHz timeline from
 * their RTP timestamps, fills gaps with silence and writes one 16-bit stereo WAV stream to a sink on its own writer
 * thread. The relay only copies a payload into a bounded queue; when the writer falls behind frames are dropped and
 * counted, so recording never stalls media. What the sink does with the bytes (encryption at rest, files) is the
 * server's business.
 */
package org.fairdial.media.record;
