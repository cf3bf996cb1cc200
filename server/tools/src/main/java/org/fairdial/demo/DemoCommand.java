package org.fairdial.demo;

import org.fairdial.app.ToolCommand;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.sip.message.Response;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fairdial.app.DialerServer;
import org.fairdial.config.ConfigValidationException;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.config.TrunkConfig;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.relay.NettyMediaEngine;
import org.fairdial.testkit.FakeSoftphone;
import org.fairdial.testkit.FakeTrunk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dialer demo}: starts the dialer with {@code config/demo.conf} and a fresh H2 store, a loopback carrier
 * and registering agents, lets the campaign run to its end and prints what happened, from the CDR store.
 */
@Command(name = "demo", description = "Run a 50-lead campaign against a loopback carrier and agents, "
        + "then print a summary and the last CDRs.")
public final class DemoCommand implements ToolCommand, Callable<Integer> {
    private static final int REGISTER_SECONDS = 600;

    @Option(names = {"-c", "--config"}, defaultValue = "config/demo.conf", description = "demo configuration")
    Path file;

    @Option(names = "--timeout", defaultValue = "240", description = "give up after this many seconds")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Path runDir = Path.of("data", "demo");
        deleteRecursively(runDir);
        Files.createDirectories(runDir);
        Config demo = ConfigFactory.parseFile(file.toFile()).withFallback(ConfigFactory.defaultReference()).resolve();
        Config overrides = ConfigFactory.parseMap(Map.of("dialer.store.jdbc-url", "jdbc:h2:file:"
                + runDir.toAbsolutePath().resolve("cdr") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "dialer.store.journal.directory", runDir.toAbsolutePath().resolve("journal").toString()));
        DialerConfig config;
        try {
            config = DialerConfigLoader.load(file, overrides);
        } catch (ConfigValidationException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        demo.getConfig("demo.agent-passwords").root().unwrapped()
                .forEach((user, password) -> passwords.put(user, String.valueOf(password)));
        TrunkConfig trunk = config.trunks().values().iterator().next();
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
        MediaConfig peerMedia = new MediaConfig("127.0.0.1", "127.0.0.1", demo.getInt("demo.peer-rtp-port-min"),
                demo.getInt("demo.peer-rtp-port-min") + 1998, -50, Duration.ofMillis(20), 1);
        try (DialerServer server = DialerServer.start(config);
             NettyMediaEngine media = NettyMediaEngine.start(peerMedia);
             FakeTrunk carrier = DemoPeers.carrier(trunk.host(), trunk.port(), media);
             FakeSoftphone agents = DemoPeers.agents("127.0.0.1", demo.getInt("demo.agents-port"),
                     config.sip().advertisedAddress() + ":" + config.sip().port(), passwords, media,
                     demo.getString("demo.slow-agent"))) {
            System.out.printf("fairdial demo: dialer on %s:%d, carrier on %s:%d, %d agents on port %d%n",
                    config.sip().bindAddress(), config.sip().port(), trunk.host(), trunk.port(), passwords.size(),
                    demo.getInt("demo.agents-port"));
            int registered = registered(agents.registerAll(REGISTER_SECONDS), Duration.ofSeconds(10));
            if (registered < passwords.size()) {
                System.err.printf("only %d of %d demo agents registered; see the log above%n", registered,
                        passwords.size());
                return 1;
            }
            // Softphones re-register now and then, as real ones do; an agent taken out of rotation comes back so.
            timers.scheduleWithFixedDelay(() -> {
                try {
                    agents.registerAll(REGISTER_SECONDS);
                } catch (Exception e) {
                    System.err.println("demo re-registration: " + e);
                }
            }, 8, 8, TimeUnit.SECONDS);
            try {
                return runToEnd(server, timers);
            } finally {
                timers.shutdownNow(); // before the softphones' stack stops: no re-registration into a closed stack
            }
        } finally {
            timers.shutdownNow();
        }
    }

    /** How many of the REGISTERs ended in 200 within {@code timeout}. */
    private static int registered(List<CompletableFuture<Response>> registrations, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int ok = 0;
        for (CompletableFuture<Response> registration : registrations) {
            try {
                long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                Response response = registration.get(left, TimeUnit.MILLISECONDS);
                if (response.getStatusCode() == Response.OK) {
                    ok++;
                } else {
                    System.err.println("demo agent not registered: " + response.getStatusCode() + " "
                            + response.getReasonPhrase());
                }
            } catch (ExecutionException | TimeoutException e) {
                System.err.println("demo agent not registered: " + e);
            }
        }
        return ok;
    }

    private int runToEnd(DialerServer server, ScheduledExecutorService timers) throws InterruptedException {
        CampaignRunner campaign = server.campaigns().values().iterator().next();
        Instant start = Instant.now();
        Instant deadline = start.plusSeconds(timeoutSeconds);
        Instant nextReport = start;
        DemoReport report = new DemoReport(server, campaign, System.out);
        while (Instant.now().isBefore(deadline)) {
            if (!Instant.now().isBefore(nextReport)) {
                report.progress(Duration.between(start, Instant.now()));
                nextReport = nextReport.plusSeconds(5);
            }
            boolean settled = campaign.stats().snapshot().dialed() > 0 && campaign.idle(Duration.ofMinutes(10))
                    && server.calls().size() == 0;
            if (settled) {
                break;
            }
            Thread.sleep(200);
        }
        server.flushCdrs(Duration.ofSeconds(10));
        return report.summary(Duration.between(start, Instant.now())) ? 0 : 1;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
