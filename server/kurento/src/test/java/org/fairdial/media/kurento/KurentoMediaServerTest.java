package org.fairdial.media.kurento;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.MediaEngineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client against no server at all (nothing listens on the port): the failure paths that need no media
 * server, on kurento-client itself.
 */
class KurentoMediaServerTest {
    @TempDir
    Path prompts;

    private MediaEngineConfig.Kurento settings() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return new MediaEngineConfig.Kurento(URI.create("ws://127.0.0.1:" + port + "/kurento"),
                Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMinutes(1), prompts, "file:///prompts");
    }

    @Test
    void anUnreachableServerFailsTheConnectionWithinItsTimeout() throws Exception {
        MediaEngineConfig.Kurento settings = settings();
        long start = System.nanoTime();
        assertThrows(RuntimeException.class, () -> KurentoMediaServer.connect(settings, reason -> { }));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "bounded by the timeouts");
    }

    @Test
    void theEngineStartsWithoutItsServerAndFailsLegsUntilItComes() throws Exception {
        MediaEngineConfig.Kurento settings = settings();
        try (KurentoMediaEngine engine = KurentoMediaEngine.start(new MediaConfig("127.0.0.1", "127.0.0.1", 20000,
                20099, -50, Duration.ofMillis(20), 1), settings)) {
            assertTrue(Files.size(prompts.resolve(KurentoMediaEngine.NOISE_FILE)) > 44, "noise loop rendered");
            MediaServerUnavailableException e = assertThrows(MediaServerUnavailableException.class,
                    () -> engine.openLeg("c-1", "1"));
            assertTrue(e.getMessage().contains(settings.url().toString()), e.getMessage());
            assertEquals(0, engine.openLegs());
            assertEquals(0, engine.openPipelines());
        }
    }
}
