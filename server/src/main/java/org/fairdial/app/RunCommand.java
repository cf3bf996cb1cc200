package org.fairdial.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.fairdial.config.ConfigProblem;
import org.fairdial.config.ConfigValidationException;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dialer run -c FILE}: validates the configuration, starts the server and runs until SIGTERM/SIGINT
 * (graceful: calls in progress may finish for dialer.shutdown.grace-period); SIGHUP reloads the file.
 */
@Command(name = "run", description = "Start the dialer with a configuration file.")
final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, description = "HOCON file, e.g. config/dialer.conf")
    Path file;

    @Override
    public Integer call() throws Exception {
        DialerConfig config;
        try {
            config = DialerConfigLoader.load(file);
        } catch (ConfigValidationException e) {
            System.err.println(file + ": refusing to start, " + e.problems().size() + " problem(s):");
            for (ConfigProblem problem : e.problems()) {
                System.err.println("  " + problem.format());
            }
            return 1;
        }
        DialerServer server = DialerServer.start(config);
        ConfigReloader reloader = new ConfigReloader(server, file);
        Signals.onHangup(reloader::reload);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown(server.config().shutdown().gracePeriod());
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
