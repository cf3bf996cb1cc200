package org.fairdial.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A public face on this package's SIPp harness for integration tests elsewhere (the admin surface's): start SIPp
 * as the carrier and callee on a trunk port, wait for it, read its diagnostics; ports from the same allocator as
 * {@link TestDialer}, so tests in one JVM never pick the same ones.
 */
public final class SippBridge implements AutoCloseable {
    private final Sipp sipp;

    private SippBridge(Sipp sipp) {
        this.sipp = sipp;
    }

    /** True when a sipp binary answers on this machine. */
    public static boolean available() {
        return Sipp.available();
    }

    /** A free UDP+TCP port on 127.0.0.1. */
    public static int freePort() {
        return TestDialer.freePort();
    }

    /** The first of {@code count} consecutive free UDP ports, even. */
    public static int freeRange(int count) {
        return TestDialer.freeRange(count);
    }

    /** SIPp as the carrier and callee on {@code trunkPort}, running {@code scenario} for {@code calls} calls. */
    public static SippBridge customer(Path dir, String name, int trunkPort, String scenario, int calls,
                                      Map<String, String> vars) throws IOException {
        Sipp sipp = Sipp.start(dir, name, scenario, vars, Duration.ofSeconds(90), "-i", "127.0.0.1", "-p",
                Integer.toString(trunkPort), "-m", Integer.toString(calls), "-t", "u1");
        sipp.awaitListening(trunkPort);
        return new SippBridge(sipp);
    }

    /** SIPp's exit code (0: every call went as scripted), or -1 when it had to be killed. */
    public int await(Duration timeout) throws InterruptedException {
        return sipp.await(timeout);
    }

    /** What SIPp printed and its error log, for assertion messages. */
    public String diagnostics() {
        return sipp.diagnostics();
    }

    @Override
    public void close() throws InterruptedException {
        sipp.close();
    }
}
