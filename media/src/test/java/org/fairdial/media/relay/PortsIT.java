package org.fairdial.media.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.PortsExhaustedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The port range on real sockets: exhaustion, ports held by other processes, ports coming back. */
class PortsIT {
    private int base;
    private NettyMediaEngine engine;

    @BeforeEach
    void start() {
        base = FreePorts.block(8);
        // 8 ports: 4 RTP/RTCP pairs.
        engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", "127.0.0.1", base, base + 7, -50,
                Duration.ofMillis(20), 1));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    @Timeout(10)
    void exhaustedRangeFailsAndClosedPortsComeBack() throws Exception {
        List<MediaLeg> legs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            MediaLeg leg = engine.openLeg("leg-" + i);
            assertEquals(0, leg.localPort() % 2);
            assertTrue(leg.localPort() >= base && leg.localPort() <= base + 7);
            legs.add(leg);
        }
        assertEquals(4, engine.openLegs());
        PortsExhaustedException e = assertThrows(PortsExhaustedException.class, () -> engine.openLeg("fifth"));
        assertTrue(e.getMessage().startsWith("no free RTP port in " + base + "-" + (base + 7)), e.getMessage());

        NettyMediaLeg closing = (NettyMediaLeg) legs.get(1);
        closing.close();
        closing.close();
        closing.whenClosed().toCompletableFuture().get(2, TimeUnit.SECONDS);
        assertEquals(3, engine.openLegs());
        MediaLeg again = engine.openLeg("again");
        assertEquals(closing.localPort(), again.localPort());
    }

    @Test
    @Timeout(10)
    void portHeldByAnotherProcessIsSkipped() throws Exception {
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(TestPeer.LOOPBACK, base + 2))) {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ports.add(engine.openLeg("leg-" + i).localPort());
            }
            assertTrue(!ports.contains(base + 2), "skipped " + (base + 2) + ": " + ports);
            PortsExhaustedException e = assertThrows(PortsExhaustedException.class, () -> engine.openLeg("x"));
            assertTrue(e.getMessage().contains("3 of 4 in use here, 1 failed to bind"), e.getMessage());
            assertNotEquals(0, squatter.getLocalPort());
        }
        assertEquals(base + 2, engine.openLeg("after").localPort(), "free again once the squatter left");
    }

    @Test
    @Timeout(10)
    void rtcpPortIsBoundWithTheLegAndReleasedWithIt() throws Exception {
        List<NettyMediaLeg> legs = new ArrayList<>();
        // Someone holds the RTCP port of the second pair: its RTP port must be skipped too.
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(TestPeer.LOOPBACK, base + 3))) {
            for (int i = 0; i < 3; i++) {
                legs.add((NettyMediaLeg) engine.openLeg("leg-" + i));
            }
            assertTrue(legs.stream().noneMatch(l -> l.localPort() == base + 2), "skipped " + (base + 2));
            PortsExhaustedException e = assertThrows(PortsExhaustedException.class, () -> engine.openLeg("x"));
            assertTrue(e.getMessage().contains("3 of 4 in use here, 1 failed to bind"), e.getMessage());
        }
        NettyMediaLeg leg = legs.get(0);
        int rtcpPort = leg.localPort() + 1;
        assertThrows(java.net.BindException.class,
                () -> new DatagramSocket(new InetSocketAddress(TestPeer.LOOPBACK, rtcpPort)).close());
        leg.close();
        leg.whenClosed().toCompletableFuture().get(2, TimeUnit.SECONDS);
        try (DatagramSocket reuse = new DatagramSocket(new InetSocketAddress(TestPeer.LOOPBACK, rtcpPort))) {
            assertEquals(rtcpPort, reuse.getLocalPort());
        }
    }
}
