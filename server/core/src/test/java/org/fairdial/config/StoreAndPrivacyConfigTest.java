package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dialer.store.journal and dialer.privacy: the documented defaults, and every bad value reported at once. */
class StoreAndPrivacyConfigTest {

    @TempDir
    Path dir;

    @Test
    void referenceDefaults() throws Exception {
        ToolConfig config = DialerConfigLoader.loadForTools(write("dialer {}"));
        StoreConfig.JournalConfig journal = config.store().journal();
        assertTrue(journal.enabled());
        assertEquals(Path.of("./data/journal"), journal.directory());
        assertEquals(16L << 20, journal.segmentSize());
        assertEquals(256L << 20, journal.minFreeSpace());
        assertEquals(4, config.privacy().logVisibleDigits());
        assertEquals("", config.privacy().hashKey());
        assertEquals(Duration.ofDays(1825), config.privacy().retention().callData());
        assertEquals(PrivacyConfig.RetentionMode.ANONYMIZE, config.privacy().retention().mode());
        assertEquals(Duration.ofHours(1), config.privacy().retention().runEvery());
        assertEquals("it-garante", config.profiles().get("it-garante").name());
    }

    @Test
    void everyBadValueIsReportedWithItsKey() throws IOException {
        Path file = write("""
                dialer.store.journal { segment-size = 64 KiB, min-free-space = 100 KiB }
                dialer.privacy {
                  log-visible-digits = 7
                  hash-key = "short"
                  retention { call-data = 1 hour, mode = shred, run-every = 5 seconds }
                }
                """);
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> DialerConfigLoader.loadForTools(file));
        List<String> paths = e.problems().stream().map(ConfigProblem::path).toList();
        assertEquals(List.of("dialer.store.journal.segment-size", "dialer.store.journal.min-free-space",
                "dialer.privacy.log-visible-digits", "dialer.privacy.hash-key", "dialer.privacy.retention.call-data",
                "dialer.privacy.retention.run-every", "dialer.privacy.retention.mode"), paths, e.problems().toString());
        assertTrue(e.problems().get(0).format().contains("dialer.conf:1"), e.problems().get(0).format());
    }

    @Test
    void encryptionIsOffByDefault() throws Exception {
        PrivacyConfig.Encryption e = DialerConfigLoader.loadForTools(write("dialer {}")).privacy().encryption();
        assertFalse(e.enabled());
        assertEquals("FAIRDIAL_INDEX_KEY", e.indexKeyEnv());
    }

    @Test
    void encryptionKeysComeFromTheEnvironment() throws Exception {
        Path file = write("""
                dialer.privacy.encryption {
                  enabled = true
                  keys { k2026 = DATA_KEY_2026, k2025 = DATA_KEY_2025 }
                  current-key-id = k2026
                  index-key-env = INDEX_KEY
                }
                """);
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        Map<String, String> env = Map.of("DATA_KEY_2026", key, "DATA_KEY_2025", key, "INDEX_KEY", key);
        PrivacyConfig.Encryption e = DialerConfigLoader.loadForTools(file, env::get).privacy().encryption();
        assertTrue(e.enabled());
        assertEquals(Map.of("k2026", "DATA_KEY_2026", "k2025", "DATA_KEY_2025"), e.keyEnv());
        assertEquals("k2026", e.currentKeyId());
        assertFalse(e.toString().contains(key), "the record holds variable names, never a key");

        ConfigValidationException bad = assertThrows(ConfigValidationException.class,
                () -> DialerConfigLoader.loadForTools(file, Map.of("DATA_KEY_2026", key,
                        "DATA_KEY_2025", java.util.Base64.getEncoder().encodeToString(new byte[16]))::get));
        String problems = bad.problems().stream().map(ConfigProblem::format).toList().toString();
        assertEquals(List.of("dialer.privacy.encryption.keys.\"k2025\"", "dialer.privacy.encryption.index-key-env"),
                bad.problems().stream().map(ConfigProblem::path).toList(), problems);
        assertTrue(problems.contains("DATA_KEY_2025 does not hold base64 of 32 bytes"), problems);
        assertTrue(problems.contains("INDEX_KEY is not set"), problems);
    }

    @Test
    void enabledEncryptionNeedsACurrentKeyAmongTheKeys() throws Exception {
        Path file = write("dialer.privacy.encryption { enabled = true, current-key-id = k1 }");
        ConfigValidationException bad = assertThrows(ConfigValidationException.class,
                () -> DialerConfigLoader.loadForTools(file, name -> null));
        assertEquals(List.of("dialer.privacy.encryption.current-key-id", "dialer.privacy.encryption.index-key-env"),
                bad.problems().stream().map(ConfigProblem::path).toList());
    }

    private Path write(String hocon) throws IOException {
        Path file = dir.resolve("dialer.conf");
        Files.writeString(file, hocon);
        return file;
    }
}
