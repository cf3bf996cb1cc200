package org.fairdial.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.testkit.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dialer check} on registry ages: the date comes from the config key or the file's header (the numbers are
 * not read), and each campaign's line says fresh, WARNING ahead of expiry, or STALE under its own profile.
 */
class CheckRegistryFreshnessTest {
    private static final Path PROMPT = Repository.root().resolve("config/prompts/demo-caller-id.wav");
    /** 2026-12-03 12:00 UTC: the "now" of every line below. */
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void eachCampaignSeesItsRegistriesAgainstItsProfile() throws Exception {
        Files.writeString(dir.resolve("leads.csv"), "number,name\n");
        Files.writeString(dir.resolve("us.txt"), "# downloaded: 2026-11-04\n2125550100\n");
        Files.writeString(dir.resolve("tps.txt"), "# TPS\n02079460018\n");
        Files.writeString(dir.resolve("rpo.txt"), "0212345678\n");
        StringBuilder campaigns = new StringBuilder();
        for (String[] c : new String[][] {{"us", "us-tsr", "+12125550199", "us"}, {"uk", "uk-ofcom", "+442079460000",
            "tps"}, {"it", "it-garante", "+390212345678", "rpo"}, {"it2", "it-garante", "+390212345678", "us"}}) {
            campaigns.append("""
                    campaigns.%s { trunk = carrier, leads = "leads.csv", profile = %s, prompt = "%s"
                      caller-id { number = "%s", name = "ACME", national-rate = true }
                      abandon.max-duration = 3 seconds
                      abandon.prompt-announces-opt-out = %s
                      do-not-call.registries = [%s] }
                    """.formatted(c[0], c[1], PROMPT, c[2], c[1].equals("us-tsr"), c[3]));
        }
        Path file = dir.resolve("dialer.conf");
        Files.writeString(file, """
                dialer {
                  trunks.carrier { host = "127.0.0.1", port = 5070, transport = udp, max-channels = 30 }
                  do-not-call.registries {
                    us { file = "us.txt", region = US }
                    tps { file = "tps.txt", region = GB, downloaded = "2026-11-26T12:00:00Z" }
                    rpo { file = "rpo.txt", region = IT }
                  }
                  %s
                }
                """.formatted(campaigns));
        DialerConfig config = DialerConfigLoader.load(file);
        Map<String, Instant> downloads = CheckCommand.declaredDownloads(config);
        assertEquals(Map.of("us", Instant.parse("2026-11-04T00:00:00Z"), "tps", Instant.parse("2026-11-26T12:00:00Z")),
                downloads);

        List<String> lines = CheckCommand.registryLines(config, downloads, NOW);
        assertEquals(List.of(
                "  campaign it, registry rpo: STALE: no download date (a '# downloaded: yyyy-MM-dd' header line or the"
                        + " downloaded key), limit 15d of profile it-garante; the campaign will not dial"
                        + " (dnc-registry-stale)",
                "  campaign it2, registry us: STALE: downloaded 2026-11-04T00:00:00Z, 29.5 days old, over the limit"
                        + " 15d of profile it-garante; the campaign will not dial (dnc-registry-stale)",
                "  campaign uk, registry tps: downloaded 2026-11-26T12:00:00Z, 7.0 days old, limit 28d of profile"
                        + " uk-ofcom, fresh until 2026-12-24T12:00:00Z",
                "  campaign us, registry us: WARNING: downloaded 2026-11-04T00:00:00Z, 29.5 days old; stale at"
                        + " 2026-12-05T00:00:00Z (in 1.5 days, limit 31d of profile us-tsr): download a new copy"),
                lines);
    }
}
