package org.fairdial.media.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.relay.NettyMediaEngine;
import org.junit.jupiter.api.Test;

/** The contract on the built-in relay, for real: RTP over loopback. */
class NettyMediaEngineContractTest extends MediaEngineContract {

    @Override
    protected MediaEngine start() {
        // The relay skips ports in use, so a random block is enough for tests running side by side.
        int base = ThreadLocalRandom.current().nextInt(42_000, 48_000) & ~1;
        return NettyMediaEngine.start(new MediaConfig("127.0.0.1", "127.0.0.1", base, base + 39, -50,
                Duration.ofMillis(20), 1));
    }

    @Override
    protected Duration firstPacketWithin() {
        return Duration.ofMillis(200);
    }

    @Override
    protected Duration promptSlack() {
        return Duration.ofMillis(150);
    }

    @Override
    protected int resourcesHeld() {
        return engine.openLegs();
    }

    @Override
    protected boolean failMediaServer() {
        return false;
    }

    @Test
    void aClosedLegsPortCanBeBoundAgain() throws Exception {
        MediaLeg leg = engine.openLeg("c-1", "1");
        int port = leg.localPort();
        leg.close();
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (true) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    port))) {
                assertEquals(port, socket.getLocalPort());
                return;
            } catch (java.net.BindException stillClosing) {
                if (System.nanoTime() > end) {
                    throw stillClosing;
                }
                Thread.sleep(10);
            }
        }
    }
}
