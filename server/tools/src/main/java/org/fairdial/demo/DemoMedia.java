package org.fairdial.demo;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaLeg;
import org.fairdial.testkit.PeerMedia;

/**
 * The demo peers' media on the product's own engine: each answered call gets a real RTP leg that "talks" (a tone
 * over comfort noise), so the dialer's media path is exercised as with real phones.
 */
final class DemoMedia implements PeerMedia {
    private final MediaEngine media;
    private final String side;
    private final ToDoubleFunction<String> toneHz;

    /**
     * @param side   leg name prefix (carrier, agent)
     * @param toneHz the tone each user "says", by user (dialed number or agent id)
     */
    DemoMedia(MediaEngine media, String side, ToDoubleFunction<String> toneHz) {
        this.media = media;
        this.side = side;
        this.toneHz = toneHz;
    }

    @Override
    public Session answer(String user, String offer, List<String> codecs, boolean sendRtp) throws Exception {
        MediaLeg leg = media.openLeg(side + "-" + user);
        String answer;
        try {
            answer = leg.answerOffer(offer);
        } catch (Exception e) {
            leg.close();
            throw e;
        }
        if (sendRtp) {
            leg.playTreatment(DemoAudio.voice(toneHz.applyAsDouble(user), 3), null);
        }
        return new Session() {
            @Override
            public String sdp() {
                return answer;
            }

            @Override
            public void close() {
                leg.close();
            }
        };
    }
}
