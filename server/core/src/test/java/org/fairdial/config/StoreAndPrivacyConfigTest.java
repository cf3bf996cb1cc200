package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    private Path write(String hocon) throws IOException {
        Path file = dir.resolve("dialer.conf");
        Files.writeString(file, hocon);
        return file;
    }
}
