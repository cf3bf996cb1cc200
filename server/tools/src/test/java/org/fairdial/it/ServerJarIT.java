package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The production jar holds only what the server needs: the server's modules and their libraries, none of the
 * tools, the demo, the test peers or the benchmarks (those ship in fairdial.jar). Built by the app module's package
 * phase, which the reactor runs before this module's integration tests.
 */
class ServerJarIT {
    private static final Path SERVER_JAR = Path.of("..", "app", "target", "fairdial-server.jar");
    private static final List<String> NOT_IN_PRODUCTION = List.of("org/fairdial/demo/", "org/fairdial/sim/",
            "org/fairdial/testkit/", "org/fairdial/tools/", "org/fairdial/cdr/cli/");

    @Test
    void theServerJarHoldsTheServerAndNoTool() throws IOException {
        assertTrue(Files.isRegularFile(SERVER_JAR), SERVER_JAR.toAbsolutePath() + " is built by the app module");
        try (JarFile jar = new JarFile(SERVER_JAR.toFile())) {
            assertEquals("org.fairdial.app.DialerCli", jar.getManifest().getMainAttributes().getValue("Main-Class"));
            assertNotNull(jar.getEntry("org/fairdial/call/CallTransitions.class"));
            assertNotNull(jar.getEntry("org/fairdial/sip/JainSipSignalling.class"));
            assertNotNull(jar.getEntry("org/fairdial/storage/JdbcCdrRepository.class"));
            List<String> strays = jar.stream().map(e -> e.getName())
                    .filter(name -> NOT_IN_PRODUCTION.stream().anyMatch(name::startsWith)
                            || name.startsWith("org/fairdial/") && name.contains("Benchmark"))
                    .collect(Collectors.toList());
            assertEquals(List.of(), strays, "tool, demo, test-peer or benchmark classes in the server jar");
            assertTrue(jar.getEntry("META-INF/services/org.fairdial.app.ToolCommand") == null,
                    "no tool subcommand is registered in the server jar");
        }
    }
}
