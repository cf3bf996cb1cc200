/**
 * The {@link org.fairdial.media.MediaEngine} on a Kurento Media Server (KMS): {@link
 * org.fairdial.media.kurento.KurentoMediaEngine} gives each call one media pipeline and each leg one RtpEndpoint in
 * it; treatments are WAV files it renders ({@link org.fairdial.media.kurento.TreatmentWav}) and a PlayerEndpoint
 * plays. Everything it asks of the server goes through the small {@link org.fairdial.media.kurento.MediaServer}
 * seam, whose only implementation naming Kurento types is {@link org.fairdial.media.kurento.KurentoMediaServer}, so
 * the pipeline lifecycle and the failure paths are tested without a server. KMS 7 reports no DTMF: see {@link
 * org.fairdial.media.kurento.KurentoMediaLeg#onDtmf}.
 */
package org.fairdial.media.kurento;
