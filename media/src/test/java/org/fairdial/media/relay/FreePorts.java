package org.fairdial.media.relay;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Picks, at run time, a block of UDP ports in 31000-39999 that nothing on this machine is using right now. */
final class FreePorts {
    private static final int LOW = 31000;
    private static final int HIGH = 39999;

    private FreePorts() {
    }

    /** First port (even) of a free block of {@code size} ports. */
    static int block(int size) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOW, HIGH - size) & ~1;
            if (free(base, size)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of " + size + " UDP ports in " + LOW + "-" + HIGH);
    }

    private static boolean free(int base, int size) {
        List<DatagramSocket> probes = new ArrayList<>();
        try {
            for (int port = base; port < base + size; port++) {
                probes.add(new DatagramSocket(new InetSocketAddress(TestPeer.LOOPBACK, port)));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            probes.forEach(DatagramSocket::close);
        }
    }
}
