package org.fairdial.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.fairdial.media.PortsExhaustedException;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void handsOutEvenPortsRoundRobin() throws Exception {
        PortAllocator ports = new PortAllocator(20001, 20009);
        assertEquals(4, ports.capacity());
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            got.add(ports.allocate(port -> port));
        }
        assertEquals(List.of(20002, 20004, 20006, 20008), got);
        assertThrows(PortsExhaustedException.class, () -> ports.allocate(port -> port));
        ports.release(20004);
        assertEquals(Integer.valueOf(20004), ports.<Integer>allocate(port -> port));
    }

    @Test
    void releasedPortIsReusedLast() throws Exception {
        PortAllocator ports = new PortAllocator(20000, 20006);
        int first = ports.allocate(port -> port);
        ports.release(first);
        assertEquals(Integer.valueOf(20002), ports.<Integer>allocate(port -> port));
    }

    @Test
    void anEvenPortWhoseRtcpNeighbourIsOutOfRangeIsNotHandedOut() throws Exception {
        PortAllocator ports = new PortAllocator(20000, 20006);
        assertEquals(3, ports.capacity());
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            got.add(ports.allocate(port -> port));
        }
        assertEquals(List.of(20000, 20002, 20004), got);
        assertThrows(PortsExhaustedException.class, () -> ports.allocate(port -> port));
    }

    @Test
    void portsThatFailToBindAreSkippedAndNotKept() throws Exception {
        PortAllocator ports = new PortAllocator(20000, 20007);
        assertEquals(Integer.valueOf(20004), ports.<Integer>allocate(port -> port == 20004 ? port : null));
        assertEquals(1, ports.inUse());
        PortsExhaustedException e = assertThrows(PortsExhaustedException.class,
                () -> ports.allocate(port -> null));
        assertTrue(e.getMessage().contains("1 of 4 in use here, 3 failed to bind"), e.getMessage());
        assertEquals(1, ports.inUse());
    }

    @Test
    void rejectsRangeWithoutEvenPort() {
        assertThrows(IllegalArgumentException.class, () -> new PortAllocator(20001, 20001));
        assertThrows(IllegalArgumentException.class, () -> new PortAllocator(20002, 20002));
        assertThrows(IllegalArgumentException.class, () -> new PortAllocator(20010, 20000));
    }

    @Test
    void concurrentAllocationNeverHandsOutAPortTwice() throws Exception {
        PortAllocator ports = new PortAllocator(30000, 30199);
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Throwable> errors = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                try {
                    for (int i = 0; i < 25; i++) {
                        int port = ports.allocate(p -> p);
                        if (!seen.add(port)) {
                            throw new AssertionError("port handed out twice: " + port);
                        }
                    }
                } catch (Throwable e) {
                    synchronized (errors) {
                        errors.add(e);
                    }
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(List.of(), errors);
        assertEquals(100, seen.size());
        assertEquals(100, ports.inUse());
    }
}
