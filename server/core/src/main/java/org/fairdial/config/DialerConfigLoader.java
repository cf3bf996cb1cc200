package org.fairdial.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.media.MediaEngineConfig;

/**
 * Reads an operator HOCON file over the reference defaults ({@code reference.conf} of each module), with
 * {@code -Dkey=value} system properties on top, and builds a validated {@link DialerConfig}. All problems are
 * collected and thrown together.
 */
public final class DialerConfigLoader {
    /**
     * Where {@code reference.conf} and classpath includes are looked up. Not the calling thread's context class
     * loader: a SIGHUP reload runs on a thread that has none, and the reload must read the same defaults as the
     * start did.
     */
    private static final ClassLoader LOADER = DialerConfigLoader.class.getClassLoader();

    private DialerConfigLoader() {
    }

    /** Loads and validates {@code file}. */
    public static DialerConfig load(Path file) throws ConfigValidationException {
        return load(file, ConfigFactory.empty());
    }

    /** Loads and validates {@code file} with {@code overrides} on top (the demo's per-run store, tests' ports). */
    public static DialerConfig load(Path file, Config overrides) throws ConfigValidationException {
        Config parsed = parse(file);
        Path baseDir = file.toAbsolutePath().getParent();
        return build(overrides.withFallback(parsed), baseDir, file, System::getenv);
    }

    /** Validates a tree given in code (tests, the demo), over the reference defaults. */
    public static DialerConfig fromConfig(Config operator, Path baseDir) throws ConfigValidationException {
        return build(operator, baseDir, null, System::getenv);
    }

    /** As {@link #fromConfig(Config, Path)}, reading encryption keys from {@code env} instead of the process's. */
    public static DialerConfig fromConfig(Config operator, Path baseDir, Function<String, String> env)
            throws ConfigValidationException {
        return build(operator, baseDir, null, env);
    }

    /**
     * Validates a candidate configuration given as HOCON text (the admin API's config check), as if it were a
     * file in {@code baseDir}; syntax errors are reported as problems like every other.
     */
    public static DialerConfig parse(String hocon, String originName, Path baseDir)
            throws ConfigValidationException {
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(hocon, options().setOriginDescription(originName));
        } catch (ConfigException e) {
            throw new ConfigValidationException(List.of(syntaxProblem(e)));
        }
        return build(parsed, baseDir, null, System::getenv);
    }

    /**
     * Loads only what the command-line tools need (store, privacy, profiles, each campaign's profile), so an
     * export or an erasure does not fail on a missing prompt or lead list of the server's configuration.
     */
    public static ToolConfig loadForTools(Path file) throws ConfigValidationException {
        return loadForTools(file, System::getenv);
    }

    /** As {@link #loadForTools(Path)}, reading encryption keys from {@code env} instead of the process's. */
    public static ToolConfig loadForTools(Path file, Function<String, String> env) throws ConfigValidationException {
        Config operator = parse(file);
        Config resolved = resolve(operator);
        List<ConfigProblem> problems = unknownKeys(operator, resolved);
        ConfigReader reader = new ConfigReader(resolved, problems);
        SectionReaders sections = new SectionReaders(reader, env);
        StoreConfig store = sections.store("dialer.store");
        PrivacyConfig privacy = sections.privacy("dialer.privacy");
        Map<String, JurisdictionProfile> profiles = new LinkedHashMap<>();
        for (String name : reader.keys("dialer.profiles")) {
            profiles.put(name, sections.profile("dialer.profiles", name));
        }
        BuiltInProfiles.of(reference()).check(reader, "dialer.profiles", profiles);
        Map<String, String> campaignProfiles = new LinkedHashMap<>();
        String defaultProfile = reader.string("dialer.campaign-defaults.profile");
        for (String name : reader.keys("dialer.campaigns")) {
            String path = "dialer.campaigns." + name + ".profile";
            campaignProfiles.put(name, reader.has(path) ? reader.string(path) : defaultProfile);
        }
        String region = reader.string("dialer.campaign-defaults.default-region");
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems);
        }
        return new ToolConfig(store, privacy, profiles, campaignProfiles, region);
    }

    private static Config parse(Path file) throws ConfigValidationException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigValidationException(List.of(
                    new ConfigProblem("-c", null, file.toString(), "is not a readable file")));
        }
        try {
            return ConfigFactory.parseFile(file.toFile(), options().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new ConfigValidationException(List.of(syntaxProblem(e)));
        }
    }

    private static Config resolve(Config operator) throws ConfigValidationException {
        try {
            return ConfigFactory.defaultOverrides()
                    .withFallback(operator)
                    .withFallback(ConfigFactory.defaultReference(LOADER))
                    .resolve();
        } catch (ConfigException e) {
            throw new ConfigValidationException(List.of(syntaxProblem(e)));
        }
    }

    private static DialerConfig build(Config operator, Path baseDir, Path source, Function<String, String> env)
            throws ConfigValidationException {
        Config resolved = resolve(operator);
        List<ConfigProblem> problems = unknownKeys(operator, resolved);
        ConfigReader reader = new ConfigReader(resolved, problems);
        SectionReaders sections = new SectionReaders(reader, env);

        SipConfig sip = sections.sip("dialer.sip", new TlsReader(reader, baseDir, Instant.now()));
        var media = sections.media("dialer.media");
        MediaEngineConfig mediaEngine = sections.mediaEngine("dialer.media", baseDir);
        StoreConfig store = sections.store("dialer.store");
        AgentPolicyConfig agentPolicy = sections.agentPolicy("dialer.agent-policy");
        CallControlConfig calls = sections.calls("dialer.calls");
        LoggingConfig logging = sections.logging("dialer.logging");
        ShutdownConfig shutdown = sections.shutdown("dialer.shutdown");
        AdminConfig admin = new AdminReader(reader, baseDir).read("dialer.admin");
        PrivacyConfig privacy = sections.privacy("dialer.privacy");

        Map<String, JurisdictionProfile> profiles = new LinkedHashMap<>();
        for (String name : reader.keys("dialer.profiles")) {
            profiles.put(name, sections.profile("dialer.profiles", name));
        }
        BuiltInProfiles.of(reference()).check(reader, "dialer.profiles", profiles);
        Map<String, TrunkConfig> trunks = new LinkedHashMap<>();
        for (String name : reader.keys("dialer.trunks")) {
            TrunkConfig trunk = sections.trunk("dialer.trunks", name);
            if ("tls".equals(trunk.transport()) && sip.tls() == null) {
                reader.problem("dialer.trunks." + name + ".transport", "is tls, but dialer.sip.transports has no"
                        + " tls: the trunk needs our TLS certificate (add tls and dialer.sip.tls)");
            }
            trunks.put(name, trunk);
        }
        Map<String, AgentConfig> agents = new LinkedHashMap<>();
        for (String id : reader.keys("dialer.agents")) {
            agents.put(id, sections.agent("dialer.agents", id, sip.realm()));
        }
        SrtpPolicy srtp = new SrtpReader(reader).read(trunks.keySet(), agents.keySet(),
                mediaEngine.engine() != MediaEngineConfig.Engine.KURENTO);
        Map<String, DncRegistryConfig> registries = new LinkedHashMap<>();
        for (String name : reader.keys("dialer.do-not-call.registries")) {
            registries.put(name, CampaignReader.registry(reader, baseDir, name));
        }
        CampaignReader campaignReader = new CampaignReader(resolved, problems, baseDir, profiles, trunks, registries);
        Map<String, CampaignConfig> campaigns = new LinkedHashMap<>();
        for (String name : reader.keys("dialer.campaigns")) {
            campaigns.put(name, campaignReader.read(name));
        }
        if (mediaEngine.engine() == MediaEngineConfig.Engine.KURENTO) {
            refuseDtmfOnKurento(reader, campaigns);
        }
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(problems);
        }
        return new DialerConfig(source, sip, media, mediaEngine, store, agentPolicy, calls, logging, shutdown, admin, privacy,
                profiles, trunks, agents, srtp, campaigns, registries);
    }

    /**
     * Kurento Media Server 7 reports no DTMF (its RtpEndpoint has no telephone-event API): an abandon opt-out key
     * would be announced to callees and never heard, which the US TSR forbids (47 CFR 64.1200(a)(7)). Refused
     * at the campaign's key rather than silently ignored; docs/operations.md says so.
     */
    private static void refuseDtmfOnKurento(ConfigReader reader, Map<String, CampaignConfig> campaigns) {
        for (Map.Entry<String, CampaignConfig> c : campaigns.entrySet()) {
            CampaignConfig campaign = c.getValue();
            if (campaign != null && campaign.abandon() != null && !campaign.abandon().optOutKey().isEmpty()) {
                String key = "dialer.campaigns." + c.getKey() + ".abandon.opt-out-key";
                reader.problem(reader.has(key) ? key : "dialer.media.engine", "campaign " + c.getKey()
                        + " needs a keypress opt-out ('" + campaign.abandon().optOutKey() + "'), but dialer.media"
                        + ".engine = kurento detects no DTMF: use engine builtin, or a profile without opt-out");
            }
        }
    }

    /** Unknown keys come first: a mistyped key often explains a missing one reported after it. */
    private static List<ConfigProblem> unknownKeys(Config operator, Config resolved) {
        return new ArrayList<>(new UnknownKeys(ConfigFactory.defaultReference(LOADER)).check(operator, resolved));
    }

    /** The shipped defaults alone, which {@link BuiltInProfiles} holds operator profiles to. */
    private static Config reference() {
        return ConfigFactory.defaultReference(LOADER).resolve();
    }

    private static ConfigParseOptions options() {
        return ConfigParseOptions.defaults().setClassLoader(LOADER);
    }

    private static ConfigProblem syntaxProblem(ConfigException e) {
        String origin = e.origin() == null ? null : ConfigReader.origin(e.origin());
        String message = e.getMessage();
        // Typesafe prefixes the origin to its message; keep only the reason.
        int colon = message.indexOf(": ");
        String reason = colon >= 0 && origin != null ? message.substring(colon + 2) : message;
        return new ConfigProblem("(syntax)", origin, null, reason);
    }
}
