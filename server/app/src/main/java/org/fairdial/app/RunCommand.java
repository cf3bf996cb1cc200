package org.fairdial.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.fairdial.config.DialerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dialer run -c FILE}: validates the configuration, starts the server and runs until SIGTERM/SIGINT
 * (graceful: calls in progress may finish for dialer.shutdown.grace-period); SIGHUP reloads the file.
 */
@Command(name = "run", description = "Start the dialer with a configuration file.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    CliConfigOption options;

    @Override
    public Integer call() throws Exception {
        DialerConfig config = options.loadOrReport("refusing to start");
        if (config == null) {
            return 1;
        }
        DialerServer server = DialerServer.start(config);
        Signals.onHangup(server.reload()::reload);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown(server.config().shutdown().gracePeriod());
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
