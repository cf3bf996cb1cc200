package org.fairdial.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.media.MediaEngineConfig;
import org.fairdial.testkit.Repository;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml against docker/dialer.conf, without Docker: the config loads with the environment compose
 * gives it, every variable it reads is set and none is set in vain, its URLs name compose services on the ports
 * they serve, the ports it binds are published, and the Kurento engine's prompt directory is one volume shared by
 * both containers; and Kamailio's own check ({@code kamailio -c}) accepts its file where Kamailio is installed.
 */
class ComposeFileTest {
    private static final Path DOCKER = Repository.root().resolve("docker");
    private static final Pattern READS = Pattern.compile("\\$\\{\\?([A-Za-z0-9_]+)}");
    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:-([^}]*))?}");

    private final JsonNode compose = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yaml").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyVariableTheConfigReadsIsSetByComposeAndViceVersa() throws IOException {
        Set<String> read = new TreeSet<>();
        String withoutComments = Files.readString(DOCKER.resolve("dialer.conf")).replaceAll("(?m)^\\s*#.*$", "");
        Matcher m = READS.matcher(withoutComments);
        while (m.find()) {
            read.add(m.group(1));
        }
        assertEquals(read, new TreeSet<>(environment("dialer").keySet()));
    }

    @Test
    void theConfigLoadsWithComposesEnvironmentAndNamesItsServices() throws Exception {
        DialerConfig config = load(Map.of());
        assertEquals(MediaEngineConfig.Engine.BUILTIN, config.mediaEngine().engine(), "the demo's default");

        URI db = URI.create(config.store().jdbcUrl().substring("jdbc:".length()));
        Map<String, String> postgres = environment("postgres");
        assertEquals("postgres", service(db.getHost()));
        assertEquals(5432, db.getPort(), "PostgreSQL's own port in its container");
        assertEquals("/" + postgres.get("POSTGRES_DB"), db.getPath());
        assertEquals(postgres.get("POSTGRES_USER"), config.store().user());
        assertEquals(postgres.get("POSTGRES_PASSWORD"), config.store().password());

        URI kms = config.mediaEngine().kurento().url();
        assertEquals("kurento", service(kms.getHost()));
        assertTrue(texts(compose.at("/services/kurento/expose")).contains(String.valueOf(kms.getPort())),
                "kurento exposes " + kms.getPort());
    }

    @Test
    void thePortsTheDialerBindsArePublished() throws Exception {
        DialerConfig config = load(Map.of());
        List<int[]> udp = published("dialer", "udp");
        List<int[]> tcp = published("dialer", "tcp");
        assertTrue(covers(udp, config.sip().port(), config.sip().port()), "SIP over UDP published");
        assertTrue(covers(tcp, config.sip().port(), config.sip().port()), "SIP over TCP published");
        assertTrue(covers(tcp, config.admin().port(), config.admin().port()), "admin published");
        assertTrue(covers(udp, config.media().portMin(), config.media().portMax()), "the whole RTP range published");
        Map<String, String> kms = environment("kurento");
        assertTrue(covers(published("kurento", "udp"), Integer.parseInt(kms.get("KMS_MIN_PORT")),
                Integer.parseInt(kms.get("KMS_MAX_PORT"))), "Kurento's RTP range published");
    }

    @Test
    void theKurentoEngineLoadsAndSharesItsPromptDirectoryWithTheServer() throws Exception {
        DialerConfig config = load(Map.of("DIALER_MEDIA_ENGINE", "kurento"));
        MediaEngineConfig.Kurento kurento = config.mediaEngine().kurento();
        assertEquals(MediaEngineConfig.Engine.KURENTO, config.mediaEngine().engine());
        String dir = kurento.promptDirectory().toString();
        String volume = volumeAt("dialer", dir);
        assertEquals(volume, volumeAt("kurento", dir), "the same volume at the same path in both");
        assertEquals("file://" + dir, kurento.promptUri());
    }

    @Test
    void everyServiceHasAHealthCheckAndTheOptionalOnesTheirProfile() throws Exception {
        compose.get("services").fields().forEachRemaining(s ->
                assertTrue(s.getValue().has("healthcheck"), s.getKey() + " has no healthcheck"));
        assertFalse(compose.at("/services/dialer").has("profiles"), "the dialer always starts");
        assertFalse(compose.at("/services/postgres").has("profiles"));
        assertEquals(List.of("kurento"), texts(compose.at("/services/kurento/profiles")));
        assertEquals(List.of("kamailio"), texts(compose.at("/services/kamailio/profiles")));
        String kamailio = Files.readString(DOCKER.resolve("kamailio/kamailio.cfg"));
        int sip = load(Map.of()).sip().port();
        assertTrue(kamailio.contains("$du = \"sip:" + service("dialer") + ":" + sip + "\""),
                "Kamailio relays to the dialer service on its SIP port");
    }

    @Test
    void kamailioAcceptsItsConfiguration() throws Exception {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.add("/usr/sbin");
        Path kamailio = dirs.stream().map(d -> Path.of(d, "kamailio")).filter(Files::isExecutable).findFirst()
                .orElse(null);
        assumeTrue(kamailio != null, "kamailio is not installed");
        Process check = new ProcessBuilder(kamailio.toString(), "-c", "-f",
                DOCKER.resolve("kamailio/kamailio.cfg").toString()).redirectErrorStream(true).start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, TimeUnit.SECONDS), "kamailio -c did not finish");
        assertEquals(0, check.exitValue(), out);
        assertTrue(out.contains("config file ok"), out);
    }

    /** The operator file resolved against the dialer service's environment (plus {@code overrides}). */
    private DialerConfig load(Map<String, String> overrides) throws Exception {
        Map<String, String> env = new TreeMap<>(environment("dialer"));
        env.putAll(overrides);
        // The variables as root keys, as the environment would be, and gone again before the loader looks.
        Config operator = ConfigFactory.parseFile(DOCKER.resolve("dialer.conf").toFile())
                .withFallback(ConfigFactory.parseMap(env)).resolve().withOnlyPath("dialer");
        return DialerConfigLoader.fromConfig(operator, DOCKER);
    }

    /** A service's environment with compose's {@code ${VAR:-default}} taken at its default. */
    private Map<String, String> environment(String service) {
        Map<String, String> env = new TreeMap<>();
        compose.at("/services/" + service + "/environment").fields().forEachRemaining(e ->
                env.put(e.getKey(), interpolate(e.getValue().asText())));
        return env;
    }

    private static String interpolate(String value) {
        Matcher m = COMPOSE_VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(3) == null) {
                fail("${" + m.group(1) + "} has no default: compose would start with it empty");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(3)));
        }
        return m.appendTail(out).toString();
    }

    private String service(String host) {
        assertTrue(compose.get("services").has(host), host + " is not a compose service");
        return host;
    }

    /** Container-side port ranges a service publishes for {@code protocol} ("5060:5060/udp", "a-b:a-b/udp"). */
    private List<int[]> published(String service, String protocol) {
        List<int[]> ranges = new ArrayList<>();
        for (String mapping : texts(compose.at("/services/" + service + "/ports"))) {
            String[] proto = mapping.split("/");
            if ((proto.length == 1 ? "tcp" : proto[1]).equals(protocol)) {
                String[] parts = proto[0].split(":");
                String[] range = parts[parts.length - 1].split("-");
                ranges.add(new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[range.length - 1])});
            }
        }
        return ranges;
    }

    private static boolean covers(List<int[]> ranges, int from, int to) {
        return ranges.stream().anyMatch(r -> r[0] <= from && to <= r[1]);
    }

    /** The named volume a service mounts at {@code path}. */
    private String volumeAt(String service, String path) {
        for (String mount : texts(compose.at("/services/" + service + "/volumes"))) {
            String[] parts = mount.split(":");
            if (parts[1].equals(path)) {
                assertTrue(compose.at("/volumes").has(parts[0]), parts[0] + " is a named volume");
                return parts[0];
            }
        }
        return fail(service + " mounts nothing at " + path);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
