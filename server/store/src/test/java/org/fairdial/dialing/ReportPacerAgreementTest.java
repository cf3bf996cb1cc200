package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.report.ComplianceReport;
import org.fairdial.cdr.report.ComplianceReporter;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.compliance.AbandonCounts;
import org.fairdial.compliance.AbandonWindow;
import org.fairdial.compliance.ComplianceWindows.Formula;
import org.fairdial.compliance.WindowFigures;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.storage.Database;
import org.fairdial.storage.H2Fixture;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcComplianceRepository;
import org.fairdial.storage.TestLegs;
import org.fairdial.testkit.Repository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same history through the real H2 store: the pacer rebuilt after a restart (its accountant replaying the
 * store from the stored campaign epoch) and {@code report compliance} give the same periods with the same
 * counts, for each preset. The history starts late on the day before the UK/EU clocks go back (25 October 2026),
 * runs 45 days (over a 30-day boundary) and has calls placed before midnight and answered after it.
 */
class ReportPacerAgreementTest {
    /** Campaign first run at 22:00 UTC on Saturday 24 October 2026; its epoch is midnight UTC that day. */
    private static final Instant START = Instant.parse("2026-10-24T22:00:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"uk-ofcom", "us-tsr", "it-garante"})
    void reportAndRestartedPacerAgreeOnEveryWindow(String profile) throws Exception {
        DialerConfig config = DialerConfigLoader.load(Repository.root().resolve("config/dialer.conf"));
        CampaignConfig c = config.campaigns().get("spring");
        CampaignConfig campaign = new CampaignConfig("agree-" + profile, c.enabled(), c.trunk(), c.leadsFile(),
                c.defaultRegion(), c.callerId(), config.profiles().get(profile), c.prompt(), c.pacing(),
                c.dialRatio(), c.ringTimeout(), c.agentConnectTimeout(), c.wrapUp(), c.abandon(), c.rules(),
                c.leadColumns(), c.doNotCall());
        Formula formula = Formula.ofProfile(profile);
        try (Database db = Database.open(new H2Fixture(dir).config())) {
            JdbcCdrRepository cdrs = new JdbcCdrRepository(db);
            PacingFactory.create(campaign, cdrs, START);
            List<CdrLeg> legs = new ArrayList<>();
            for (int day = 0; day < 45; day++) {
                // INVITE 3 s before midnight UTC: answered (5 s later) on the next day in London and in UTC
                Instant midnight = START.plus(Duration.ofHours(2)).plus(Duration.ofDays(day));
                for (int i = 0; i < 20 + day % 7; i++) {
                    legs.add(leg(campaign.name(), Disposition.ANSWERED, midnight.minusSeconds(3 + i * 600L)));
                }
                if (day % 3 == 0) {
                    legs.add(leg(campaign.name(), Disposition.ABANDONED, midnight.minusSeconds(3)));
                }
            }
            cdrs.insertBatch(legs);
            Instant now = START.plus(Duration.ofDays(46));

            AbandonAccountant accountant = PacingFactory.create(campaign, cdrs, now).accountant();
            ComplianceReport report = new ComplianceReporter(new JdbcComplianceRepository(db), config.profiles(),
                    InstantSource.fixed(now)).report(campaign.name(), profile, List.of(formula), null);

            AbandonWindow window = accountant.rule().windows().get(0);
            List<WindowFigures> rows = report.sections().get(0).windows();
            assertTrue(rows.size() >= (formula == Formula.US_TSR_30_DAY ? 2 : 46), rows.size() + " rows");
            long live = 0;
            for (WindowFigures row : rows) {
                if (formula.cumulative()) {
                    assertEquals(window.start(row.start()), row.start(), "the campaign window starts at the epoch");
                    continue;
                }
                AbandonCounts pacer = accountant.counts(window, row.start());
                assertEquals(window.start(row.start()), row.start(), row.toString());
                assertEquals(window.end(row.start()), row.end(), row.toString());
                assertEquals(pacer.live(), row.answeredLive(), row.toString());
                assertEquals(pacer.abandoned(), row.abandoned(), row.toString());
                assertEquals(accountant.rate(window, row.start()), row.abandonRate(), 1e-12);
                live += row.answeredLive();
            }
            WindowFigures last = rows.get(rows.size() - 1);
            AbandonCounts total = accountant.counts(window, now);
            if (formula.cumulative()) {
                assertEquals(total.live(), last.answeredLive());
                assertEquals(total.abandoned(), last.abandoned());
                live = last.answeredLive();
            }
            assertEquals(legs.size(), live, "every answered leg is in exactly one period");
        }
    }

    private static CdrLeg leg(String campaign, Disposition d, Instant createdAt) {
        return TestLegs.full(campaign, UUID.randomUUID(), d, createdAt);
    }
}
