package org.fairdial.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fairdial.compliance.Durations;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.compliance.RegistryFreshness;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.MediaEngineConfig;
import org.fairdial.auth.CidrBlock;
import org.fairdial.auth.DigestMath;
import org.fairdial.auth.LockoutPolicy;
import org.fairdial.media.MediaConfigCheck;

/** Builds the small config records (everything but campaigns) and checks their rules. */
final class SectionReaders {
    /** Keys a callee can press to opt out (RFC 4733 events 0-11). */
    static final Set<String> OPT_OUT_KEYS = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#");
    private static final List<String> SIP_TRANSPORTS = List.of("udp", "tcp", "tls");
    private static final List<String> DIGEST_ALGORITHMS = List.of(DigestMath.MD5, DigestMath.SHA_256);
    private static final long MIN_SEGMENT = 1L << 20;
    private static final long MAX_SEGMENT = 1L << 30;

    private static final java.util.regex.Pattern KEY_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private final ConfigReader r;
    private final Function<String, String> env;

    SectionReaders(ConfigReader reader) {
        this(reader, System::getenv);
    }

    /** @param env the process environment (tests pass their own), where encryption keys are read from */
    SectionReaders(ConfigReader reader, Function<String, String> env) {
        this.r = reader;
        this.env = env;
    }

    SipConfig sip(String p, TlsReader tlsReader) {
        Set<String> transports = new LinkedHashSet<>();
        for (String t : r.strings(p + ".transports")) {
            if (!SIP_TRANSPORTS.contains(t)) {
                r.problem(p + ".transports", "names transport '" + t + "'; supported: " + SIP_TRANSPORTS);
            }
            transports.add(t);
        }
        if (transports.isEmpty()) {
            r.problem(p + ".transports", "must name at least one transport");
        }
        Duration min = r.duration(p + ".registration.min-expires");
        Duration max = r.duration(p + ".registration.max-expires");
        Duration dflt = r.duration(p + ".registration.default-expires");
        if (min.compareTo(max) > 0) {
            r.problem(p + ".registration.min-expires", "is longer than registration.max-expires " + max);
        }
        if (dflt.compareTo(min) < 0 || dflt.compareTo(max) > 0) {
            r.problem(p + ".registration.default-expires", "must lie between min-expires and max-expires");
        }
        Duration nonce = r.duration(p + ".nonce-lifetime");
        if (nonce.compareTo(Duration.ofSeconds(5)) < 0) {
            r.problem(p + ".nonce-lifetime", "is too short for a softphone to answer a challenge (min 5s)");
        }
        int port = r.integer(p + ".port", 1, 65535);
        TlsConfig tls = transports.contains("tls") ? tlsReader.read(p + ".tls") : null;
        if (tls != null && tls.port() == port && transports.contains("tcp")) {
            r.problem(p + ".tls.port", "is the TCP port too; TLS needs a port of its own (5061 by convention)");
        }
        Duration idle = r.duration(p + ".tcp.idle-timeout");
        if (idle.compareTo(Duration.ofSeconds(1)) < 0) {
            r.problem(p + ".tcp.idle-timeout", "must be at least 1s");
        }
        int maxConnections = r.integer(p + ".tcp.max-connections", 1, 1_000_000);
        int perSource = r.integer(p + ".tcp.max-connections-per-source", 1, 1_000_000);
        if (perSource > maxConnections) {
            r.problem(p + ".tcp.max-connections-per-source", "is more than tcp.max-connections " + maxConnections);
        }
        Duration handshake = r.duration(p + ".tcp.tls-handshake-timeout");
        if (handshake.compareTo(Duration.ofMillis(100)) < 0) {
            r.problem(p + ".tcp.tls-handshake-timeout", "must be at least 100ms");
        }
        SipConfig.TcpLimits tcp = new SipConfig.TcpLimits(maxConnections, idle, perSource, handshake);
        return new SipConfig(r.string(p + ".bind-address"), port,
                Set.copyOf(transports), r.string(p + ".advertised-address"), r.string(p + ".user-agent"),
                r.string(p + ".realm"), nonce, min, max, dflt, r.integer(p + ".stack-threads", 1, 256), tls,
                security(p + ".security"), tcp, overload(p + ".overload"));
    }

    private SipOverloadConfig overload(String p) {
        Duration delay = r.duration(p + ".max-queue-delay");
        if (delay.compareTo(Duration.ofMillis(10)) < 0) {
            r.problem(p + ".max-queue-delay", "must be at least 10ms (a datagram waits a little even when idle)");
        }
        Duration retryAfter = r.duration(p + ".retry-after");
        if (retryAfter.compareTo(Duration.ofSeconds(1)) < 0 || retryAfter.compareTo(Duration.ofHours(1)) > 0) {
            r.problem(p + ".retry-after", "must lie between 1s and 1h (Retry-After counts whole seconds)");
        }
        return new SipOverloadConfig(r.bool(p + ".enabled"), delay,
                r.integer(p + ".max-server-transactions", 1, 10_000_000), r.number(p + ".priority-factor", 1, 1000),
                retryAfter);
    }

    private SipSecurityConfig security(String p) {
        String l = p + ".lockout";
        LockoutPolicy lockout = new LockoutPolicy(r.integer(l + ".source-failures", 0, 1_000_000),
                r.integer(l + ".user-failures", 0, 1_000_000), r.duration(l + ".window"), r.duration(l + ".duration"),
                r.integer(l + ".user-global-sources", 0, 1_000_000));
        if (lockout.enabled() && (lockout.window().isZero() || lockout.duration().isZero())) {
            r.problem(l + ".window", "and lockout.duration must be longer than 0 while a lockout threshold is set");
        }
        List<String> algorithms = r.strings(p + ".digest-algorithms");
        for (String a : algorithms) {
            if (!DIGEST_ALGORITHMS.contains(a)) {
                r.problem(p + ".digest-algorithms", "names '" + a + "'; supported: " + DIGEST_ALGORITHMS);
            }
        }
        if (algorithms.isEmpty()) {
            r.problem(p + ".digest-algorithms", "must name at least one algorithm");
        }
        int unsolicited = r.integer(p + ".unsolicited-invite", 0, 699);
        if (unsolicited != 0 && (unsolicited < 400 || unsolicited > 699)) {
            r.problem(p + ".unsolicited-invite", "must be a final error code (400..699) or 0 to drop silently");
        }
        String rate = p + ".rate-limit";
        return new SipSecurityConfig(lockout, r.number(rate + ".register", 0, 1e6), r.number(rate + ".invite", 0, 1e6),
                r.number(rate + ".options", 0, 1e6), r.integer(rate + ".burst", 1, 1_000_000),
                List.copyOf(r.strings(p + ".scanner-user-agents")), cidrs(p + ".agent-allow-from"),
                List.copyOf(algorithms), unsolicited);
    }

    /** A list of CIDR blocks; an absent key is an empty list (anyone). */
    private List<CidrBlock> cidrs(String path) {
        if (!r.has(path)) {
            return List.of();
        }
        List<CidrBlock> blocks = new ArrayList<>();
        for (String s : r.strings(path)) {
            try {
                blocks.add(CidrBlock.parse(s));
            } catch (IllegalArgumentException e) {
                r.problem(path, e.getMessage() + ": give address/prefix, e.g. 10.0.0.0/8 or 2001:db8::/32");
            }
        }
        return List.copyOf(blocks);
    }

    /**
     * The engine choice and the Kurento engine's settings; {@code baseDir} resolves a relative prompt directory.
     * Read whatever the engine, so a broken kurento block fails before someone switches to it.
     */
    MediaEngineConfig mediaEngine(String p, Path baseDir) {
        MediaEngineConfig.Engine engine = r.enumValue(p + ".engine", MediaEngineConfig.Engine.class,
                MediaEngineConfig.Engine.BUILTIN);
        String k = p + ".kurento";
        URI url = kurentoUrl(k + ".url");
        Duration connect = boundedDuration(k + ".connect-timeout", Duration.ofMillis(100), Duration.ofSeconds(60));
        Duration request = boundedDuration(k + ".request-timeout", Duration.ofMillis(100), Duration.ofSeconds(60));
        Duration reconnect = boundedDuration(k + ".reconnect-interval", Duration.ofMillis(100),
                Duration.ofMinutes(10));
        String dir = r.string(k + ".prompt-directory");
        Path directory = dir == null ? null : baseDir.resolve(dir).normalize();
        String uri = r.string(k + ".prompt-uri");
        if (uri != null && !(uri.startsWith("file:///") || uri.startsWith("http://") || uri.startsWith("https://"))) {
            r.problem(k + ".prompt-uri", "must start with file:///, http:// or https:// (how the media server reads"
                    + " prompt-directory)");
        }
        return new MediaEngineConfig(engine, new MediaEngineConfig.Kurento(url, connect, request, reconnect,
                directory, uri));
    }

    private URI kurentoUrl(String path) {
        String text = r.string(path);
        if (text == null) {
            return null;
        }
        try {
            URI url = new URI(text);
            if (("ws".equals(url.getScheme()) || "wss".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, with the key
        }
        r.problem(path, "must be a ws:// or wss:// URL with a host, e.g. ws://kurento:8888/kurento");
        return null;
    }

    private Duration boundedDuration(String path, Duration min, Duration max) {
        Duration d = r.duration(path);
        if (d != null && (d.compareTo(min) < 0 || d.compareTo(max) > 0)) {
            r.problem(path, "must be " + Durations.format(min) + ".." + Durations.format(max));
        }
        return d;
    }

    /** Reads the values; their rules are the relay's own ({@link MediaConfigCheck}), reported at each key. */
    MediaConfig media(String p) {
        int before = r.problems().size();
        MediaConfig media = new MediaConfig(r.string(p + ".bind-address"), r.string(p + ".advertised-address"),
                r.integer(p + ".rtp-port-min", Integer.MIN_VALUE, Integer.MAX_VALUE),
                r.integer(p + ".rtp-port-max", Integer.MIN_VALUE, Integer.MAX_VALUE),
                r.number(p + ".comfort-noise-level", -Double.MAX_VALUE, Double.MAX_VALUE),
                r.duration(p + ".packet-time"), r.integer(p + ".io-threads", Integer.MIN_VALUE, Integer.MAX_VALUE));
        // A value that could not be read (wrong type, negative duration) has its problem already: one per key.
        Set<String> unreadable = new HashSet<>();
        r.problems().subList(before, r.problems().size()).forEach(problem -> unreadable.add(problem.path()));
        for (MediaConfigCheck.Problem problem : MediaConfigCheck.problems(media)) {
            if (!unreadable.contains(p + "." + problem.key())) {
                r.problem(p + "." + problem.key(), problem.rule());
            }
        }
        return media;
    }

    StoreConfig store(String p) {
        String url = r.string(p + ".jdbc-url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            r.problem(p + ".jdbc-url", "must be an H2 (jdbc:h2:) or PostgreSQL (jdbc:postgresql:) URL");
        }
        return new StoreConfig(url, r.string(p + ".user"), r.string(p + ".password"),
                r.integer(p + ".pool-size", 1, 64), r.integer(p + ".batch-size", 1, 100_000),
                r.duration(p + ".flush-interval"), r.duration(p + ".retry-backoff"), journal(p + ".journal"),
                recordings(p + ".recordings-directory"));
    }

    private Path recordings(String key) {
        String directory = r.string(key);
        if (directory.isBlank()) {
            r.problem(key, "must name a directory");
        }
        return Path.of(directory);
    }

    private StoreConfig.JournalConfig journal(String p) {
        long segment = r.bytes(p + ".segment-size");
        if (segment < MIN_SEGMENT || segment > MAX_SEGMENT) {
            r.problem(p + ".segment-size", "is outside 1 MiB..1 GiB");
        }
        long minFree = r.bytes(p + ".min-free-space");
        if (minFree < 2 * segment) {
            r.problem(p + ".min-free-space", "must be at least twice segment-size, room for the next segment");
        }
        String directory = r.string(p + ".directory");
        if (directory.isBlank()) {
            r.problem(p + ".directory", "must name a directory");
        }
        return new StoreConfig.JournalConfig(r.bool(p + ".enabled"), Path.of(directory), segment, minFree);
    }

    PrivacyConfig privacy(String p) {
        int digits = r.integer(p + ".log-visible-digits", 0, 4);
        String key = r.string(p + ".hash-key");
        if (!key.isEmpty() && key.length() < 16) {
            r.problem(p + ".hash-key", "is too short to protect phone numbers (at least 16 characters, or empty)");
        }
        Duration keep = r.duration(p + ".retention.call-data");
        if (keep.compareTo(Duration.ofDays(1)) < 0) {
            r.problem(p + ".retention.call-data", "must be at least 1 day");
        }
        Duration every = r.duration(p + ".retention.run-every");
        if (every.compareTo(Duration.ofMinutes(1)) < 0) {
            r.problem(p + ".retention.run-every", "must be at least 1 minute");
        }
        PrivacyConfig.RetentionMode mode = r.enumValue(p + ".retention.mode", PrivacyConfig.RetentionMode.class,
                PrivacyConfig.RetentionMode.ANONYMIZE);
        return new PrivacyConfig(digits, key, new PrivacyConfig.Retention(keep, mode, every),
                encryption(p + ".encryption"));
    }

    /**
     * {@code dialer.privacy.encryption}: when enabled, every key it names must be in the environment now, so a
     * missing or short key stops the start (or the tool) with the key id and the variable, never a later write.
     */
    private PrivacyConfig.Encryption encryption(String p) {
        boolean enabled = r.bool(p + ".enabled");
        Map<String, String> keyEnv = new LinkedHashMap<>();
        for (String id : r.keys(p + ".keys")) {
            String path = p + ".keys.\"" + id + "\"";
            String variable = r.string(path);
            if (!KEY_ID.matcher(id).matches()) {
                r.problem(path, "key id '" + id + "' must be 1-32 letters, digits, '-' or '_'");
            }
            keyEnv.put(id, variable);
        }
        String current = r.string(p + ".current-key-id");
        String indexEnv = r.string(p + ".index-key-env");
        if (!enabled) {
            return new PrivacyConfig.Encryption(false, keyEnv, current, indexEnv);
        }
        if (!keyEnv.containsKey(current)) {
            r.problem(p + ".current-key-id", "must name one of the keys of " + p + ".keys " + keyEnv.keySet());
        }
        keyEnv.forEach((id, variable) -> checkKey(p + ".keys.\"" + id + "\"", "data key '" + id + "'", variable));
        checkKey(p + ".index-key-env", "the blind-index key", indexEnv);
        return new PrivacyConfig.Encryption(true, keyEnv, current, indexEnv);
    }

    private void checkKey(String path, String what, String variable) {
        if (variable.isBlank() || !variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            r.problem(path, "must name the environment variable holding " + what);
        } else if (PrivacyConfig.Encryption.decodeKey(env.apply(variable)) == null) {
            r.problem(path, what + ": environment variable " + variable + (env.apply(variable) == null
                    ? " is not set" : " does not hold base64 of " + PrivacyConfig.Encryption.KEY_BYTES + " bytes")
                    + " (make one with: head -c 32 /dev/urandom | base64)");
        }
    }

    AgentPolicyConfig agentPolicy(String p) {
        List<String> reasons = r.strings(p + ".pause-reasons");
        if (reasons.isEmpty()) {
            r.problem(p + ".pause-reasons", "must name at least one reason");
        }
        String pause = r.string(p + ".feature-codes.pause");
        String ready = r.string(p + ".feature-codes.ready");
        String disposition = r.string(p + ".feature-codes.disposition");
        for (String[] code : new String[][] {{"pause", pause}, {"ready", ready}, {"disposition", disposition}}) {
            if (!code[1].matches("\\*[0-9]{1,4}")) {
                r.problem(p + ".feature-codes." + code[0], "must be a star and 1-4 digits, e.g. *55");
            }
        }
        if (pause.equals(ready) || ready.startsWith(pause)) {
            r.problem(p + ".feature-codes.ready", "must not start with the pause code " + pause);
        }
        if (disposition.startsWith(pause) || pause.startsWith(disposition) || disposition.startsWith(ready)) {
            r.problem(p + ".feature-codes.disposition", "must not start with or be a prefix of the pause code "
                    + pause + " or start with the ready code " + ready);
        }
        Duration first = r.duration(p + ".failure-backoff.first");
        Duration max = r.duration(p + ".failure-backoff.max");
        AgentBackoff backoff = AgentBackoff.DEFAULT;
        if (first.isZero() || first.isNegative() || max.compareTo(first) < 0) {
            r.problem(p + ".failure-backoff", "needs 0 < first <= max, got first " + first + ", max " + max);
        } else {
            backoff = new AgentBackoff(first, max);
        }
        return new AgentPolicyConfig(r.enumValue(p + ".strategy", NextAgentStrategy.class,
                NextAgentStrategy.LONGEST_IDLE), reasons, pause, ready, r.duration(p + ".rtp-timeout"), backoff,
                disposition);
    }

    CallControlConfig calls(String p) {
        Duration cancel = r.duration(p + ".cancel-timeout");
        if (cancel.compareTo(Duration.ofSeconds(1)) < 0) {
            r.problem(p + ".cancel-timeout", "is shorter than a CANCEL round trip can take (min 1s)");
        }
        return new CallControlConfig(cancel, r.duration(p + ".customer-rtp-timeout"));
    }

    LoggingConfig logging(String p) {
        String format = r.string(p + ".format");
        if (!format.equals("text") && !format.equals("json")) {
            r.problem(p + ".format", "must be text or json");
        }
        Map<String, String> levels = new LinkedHashMap<>();
        for (String logger : r.keys(p + ".levels")) {
            String path = p + ".levels.\"" + logger + "\"";
            String level = r.string(path).toUpperCase(Locale.ROOT);
            if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(level)) {
                r.problem(path, "must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
            }
            levels.put(logger, level);
        }
        return new LoggingConfig(format, levels);
    }

    ShutdownConfig shutdown(String p) {
        Duration grace = r.duration(p + ".grace-period");
        if (grace.compareTo(Duration.ofMinutes(30)) > 0) {
            r.problem(p + ".grace-period", "is longer than 30 minutes");
        }
        return new ShutdownConfig(grace);
    }

    JurisdictionProfile profile(String parent, String name) {
        String p = parent + "." + name;
        Duration minRing = r.duration(p + ".min-ring-time");
        if (minRing.compareTo(JurisdictionProfile.RING_TIME_FLOOR) < 0) {
            r.problem(p + ".min-ring-time", "is below the 15s floor every profile keeps (16 CFR 310.4(b)(4)(ii))");
        }
        Duration promptStart = r.has(p + ".prompt-start-max") ? r.duration(p + ".prompt-start-max") : null;
        RuleReaders rules = new RuleReaders(r);
        boolean agentExempt = r.bool(p + ".redial-lockout-agent-exempt");
        boolean agentAfter = r.bool(p + ".redial-after-lockout-needs-agent");
        Duration registryAge = r.duration(p + ".dnc-registry-max-age");
        if (!registryAge.isZero() && registryAge.compareTo(RegistryFreshness.WARN_AHEAD) <= 0) {
            r.problem(p + ".dnc-registry-max-age", "leaves no time between the expiry warning ("
                    + Durations.format(RegistryFreshness.WARN_AHEAD) + " ahead) and a stale registry; use 0 for"
                    + " no limit");
        }
        return new JurisdictionProfile(name, r.number(p + ".abandon-rate-cap", 0, 0.03),
                r.duration(p + ".abandon-max-duration"), promptStart, r.duration(p + ".redial-lockout"), minRing,
                rules.hours(p + ".calling-hours"), rules.holidays(p + ".holidays"), agentExempt, agentAfter,
                r.bool(p + ".consent-required"), rules.frequencyCap(p + ".frequency-cap"),
                r.bool(p + ".caller-id-national-rate"), optOutKey(p + ".abandon-opt-out-key"), registryAge,
                r.has(p + ".connect-window") ? r.duration(p + ".connect-window") : Duration.ZERO);
    }

    /** An opt-out key: "" (none) or one of the keys RFC 4733 carries as events 0-11. */
    private String optOutKey(String path) {
        String key = r.has(path) ? r.string(path) : "";
        if (!key.isEmpty() && !OPT_OUT_KEYS.contains(key)) {
            r.problem(path, "must be one key of 0-9, * or #, or \"\" for none");
            return "";
        }
        return key;
    }

    TrunkConfig trunk(String parent, String name) {
        String p = parent + "." + name;
        String transport = r.string(p + ".transport");
        if (!SIP_TRANSPORTS.contains(transport)) {
            r.problem(p + ".transport", "must be one of " + SIP_TRANSPORTS);
        }
        String user = r.optString(p + ".username");
        String password = r.optString(p + ".password");
        if ((user == null) != (password == null)) {
            r.problem(p + (user == null ? ".username" : ".password"),
                    "is missing: digest credentials need both username and password");
        }
        if (r.string(p + ".host").isBlank()) {
            r.problem(p + ".host", "must name the carrier's host or IP address");
        }
        String serverName = null;
        if ("tls".equals(transport)) {
            String configured = r.optString(p + ".tls-server-name");
            serverName = configured == null ? r.string(p + ".host") : configured;
        }
        return new TrunkConfig(name, r.string(p + ".host"), r.integer(p + ".port", 1, 65535), transport,
                user, password, r.integer(p + ".max-channels", 1, 100_000), serverName,
                cidrs(p + ".allow-from"));
    }

    AgentConfig agent(String parent, String id, String realm) {
        String p = parent + "." + id;
        String password = r.optString(p + ".password");
        String ha1 = r.optString(p + ".ha1");
        if (password != null && ha1 != null) {
            r.problem(p + ".ha1", "is given together with password; give one of them");
        } else if (password == null && ha1 == null) {
            r.problem(p + ".password", "is missing: give password (or ${?ENV_VAR}) or ha1");
        } else if (ha1 != null && !ha1.matches("[0-9a-fA-F]{32}")) {
            r.problem(p + ".ha1", "must be 32 hex digits: MD5(user:realm:password)");
        }
        String hash = ha1 != null ? ha1.toLowerCase(Locale.ROOT)
                : DigestMath.md5Hex((id + ":" + realm + ":" + (password == null ? "" : password))
                        .getBytes(StandardCharsets.UTF_8));
        String sha = r.optString(p + ".ha1-sha256");
        if (sha != null && (password != null || !sha.matches("[0-9a-fA-F]{64}"))) {
            r.problem(p + ".ha1-sha256", password != null ? "is given together with password; give one of them"
                    : "must be 64 hex digits: SHA-256(user:realm:password)");
        }
        String hashSha256 = password != null ? DigestMath.ha1(DigestMath.SHA_256, id, realm, password)
                : sha == null ? null : sha.toLowerCase(Locale.ROOT);
        String display = r.optString(p + ".display-name");
        return new AgentConfig(id, display == null ? id : display, hash, hashSha256);
    }
}
