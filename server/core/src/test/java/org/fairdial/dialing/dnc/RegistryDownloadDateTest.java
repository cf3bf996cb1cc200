package org.fairdial.dialing.dnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fairdial.config.DncRegistryConfig;
import org.fairdial.config.RegistryDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a registry's download date comes from: a {@code # downloaded:} line in the file's header, or the
 * {@code downloaded} config key, which wins; a reload notices a file replaced by a new download.
 */
class RegistryDownloadDateTest {
    private static final Instant NOV_20 = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void headerLineForms() {
        assertEquals(NOV_20, RegistryDates.fromHeader("# downloaded: 2026-11-20"));
        assertEquals(NOV_20, RegistryDates.fromHeader("#Downloaded 2026-11-20"));
        assertEquals(NOV_20, RegistryDates.fromHeader("  # downloaded=2026-11-20  "));
        assertEquals(Instant.parse("2026-11-20T06:30:00Z"),
                RegistryDates.fromHeader("# downloaded: 2026-11-20T07:30:00+01:00"));
        assertEquals(Instant.parse("2026-11-20T06:30:00Z"), RegistryDates.fromHeader("# downloaded: 2026-11-20T06:30"));
        assertNull(RegistryDates.fromHeader("# downloaded: yesterday"));
        assertNull(RegistryDates.fromHeader("# downloadedx 2026-11-20"));
        assertNull(RegistryDates.fromHeader("# US registry extract"));
        assertNull(RegistryDates.fromHeader("2026-11-20"));
    }

    @Test
    void theLoaderReadsTheDateFromTheHeaderOnly() throws IOException {
        NumberListFile.Loaded dated = NumberListFile.load(file("us.txt",
                "# US National DNC extract\r\n# downloaded: 2026-11-20\r\n2125550100\n"), "US");
        assertEquals(NOV_20, dated.downloadedAt());
        assertEquals(1, dated.set().size());
        assertEquals(0, dated.invalid());
        NumberListFile.Loaded late = NumberListFile.load(file("late.txt",
                "2125550100\n# downloaded: 2026-11-20\n"), "US");
        assertNull(late.downloadedAt(), "a comment after the first number is not the header");
        assertNull(NumberListFile.load(file("none.txt", "# extract\n2125550100\n"), "US").downloadedAt());
    }

    @Test
    void theHeaderIsReadWithoutLoadingTheNumbers() throws IOException {
        assertEquals(NOV_20, NumberListFile.declaredDownload(file("a.txt", "\n# TPS\n# downloaded: 2026-11-20\n1\n")));
        assertNull(NumberListFile.declaredDownload(file("b.txt", "02079460018\n# downloaded: 2026-11-20\n")));
    }

    @Test
    void theConfigKeyWinsOverTheHeaderAndUndatedRegistriesAreAbsent() throws IOException {
        Path dated = file("dated.txt", "# downloaded: 2026-11-20\n2125550100\n");
        Path undated = file("undated.txt", "2125550100\n");
        Instant key = Instant.parse("2026-11-18T00:00:00Z");
        DoNotCallLists lists = DoNotCallLists.load(Map.of(
                "header", new DncRegistryConfig("header", dated, "US"),
                "key", new DncRegistryConfig("key", dated, "US", key),
                "none", new DncRegistryConfig("none", undated, "US")), List.of(), null);
        assertEquals(Map.of("header", NOV_20, "key", key), lists.downloadedAt());
        assertTrue(lists.registryNames().contains("none"));
    }

    @Test
    void aReloadReadsARegistryFileReplacedByANewDownload() throws IOException {
        Path file = file("us.txt", "# downloaded: 2026-10-01\n2125550100\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-10-01T08:00:00Z")));
        Map<String, DncRegistryConfig> config = Map.of("us", new DncRegistryConfig("us", file, "US"));
        DoNotCallLists first = DoNotCallLists.load(config, List.of(), null);
        DoNotCallLists same = first.reloaded(config, config, List.of());
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), same.downloadedAt().get("us"));
        Files.writeString(file, "# downloaded: 2026-11-20\n2125550100\n2125550101\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-20T08:00:00Z")));
        DoNotCallLists fresh = same.reloaded(config, config, List.of());
        assertEquals(NOV_20, fresh.downloadedAt().get("us"));
        assertFalse(fresh.downloadedAt().isEmpty());
    }
}
