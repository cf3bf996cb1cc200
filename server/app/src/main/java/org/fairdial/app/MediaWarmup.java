package org.fairdial.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.PortsExhaustedException;
import org.fairdial.media.prompt.Prompt;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.sdp.SdpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the media path once at start-up, between two legs of our own on loopback: offer and answer, comfort noise
 * with a prompt, a bridge. The first answered call then finds its classes loaded and its code compiled, so a
 * callee hears RTP within milliseconds of the answer even right after a restart; it also proves the RTP port range
 * can be bound before any call needs it.
 */
final class MediaWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(MediaWarmup.class);

    private MediaWarmup() {
    }

    static void run(MediaEngine media) {
        long start = System.nanoTime();
        try (MediaLeg a = media.openLeg("warmup-a"); MediaLeg b = media.openLeg("warmup-b")) {
            b.applyAnswer(a.answerOffer(b.createOffer()));
            CountDownLatch prompted = new CountDownLatch(1);
            Prompt beep = Prompt.ofSamples("warmup", new short[8000 / 5]);
            for (int round = 0; round < 3; round++) {
                a.playTreatment(new Treatment(beep, Duration.ZERO), prompted::countDown);
                b.playTreatment(Treatment.comfortNoiseOnly(), null);
                prompted.await(1, TimeUnit.SECONDS);
                a.bridgeTo(b);
                Thread.sleep(60);
            }
            LOG.debug("media path warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (PortsExhaustedException | SdpException e) {
            LOG.warn("media warm-up skipped: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
