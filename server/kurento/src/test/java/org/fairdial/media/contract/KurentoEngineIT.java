package org.fairdial.media.contract;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaEngineConfig;
import org.fairdial.media.kurento.KurentoMediaEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * DOCKER-ONLY CHECK: the contract against a real Kurento Media Server (image {@link #IMAGE}), host networking so
 * its RTP reaches the loopback peers. Skipped, and reported skipped, where no Docker engine runs (this project's
 * CI). The failure case kills the container under two bridged legs.
 */
@Testcontainers(disabledWithoutDocker = true)
class KurentoEngineIT extends MediaEngineContract {
    static final DockerImageName IMAGE = DockerImageName.parse("kurento/kurento-media-server:7.1.0");

    @TempDir
    Path prompts;
    private GenericContainer<?> kms;

    @Override
    @SuppressWarnings("resource") // closed in stopServer
    protected MediaEngine start() throws java.io.IOException {
        // The server's user in its container reads what the dialer writes here.
        Files.setPosixFilePermissions(prompts, PosixFilePermissions.fromString("rwxr-xr-x"));
        kms = new GenericContainer<>(IMAGE).withNetworkMode("host")
                .withFileSystemBind(prompts.toString(), "/prompts")
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(2)));
        kms.start();
        MediaEngineConfig.Kurento settings = new MediaEngineConfig.Kurento(URI.create("ws://127.0.0.1:8888/kurento"),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1), prompts, "file:///prompts");
        return KurentoMediaEngine.start(new MediaConfig("127.0.0.1", "127.0.0.1", 20000, 20099, -50,
                Duration.ofMillis(20), 1), settings);
    }

    @AfterEach
    void stopServer() {
        if (kms != null) {
            kms.stop();
        }
    }

    @Override
    protected Duration firstPacketWithin() {
        return Duration.ofMillis(500);
    }

    @Override
    protected Duration promptSlack() {
        return Duration.ofMillis(700);
    }

    @Override
    protected int resourcesHeld() {
        return ((KurentoMediaEngine) engine).openPipelines();
    }

    @Override
    protected boolean failMediaServer() {
        kms.getDockerClient().killContainerCmd(kms.getContainerId()).exec();
        return true;
    }
}
