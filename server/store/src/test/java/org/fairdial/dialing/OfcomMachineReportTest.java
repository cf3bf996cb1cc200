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
import org.fairdial.cdr.report.ReportRendering;
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
import org.fairdial.storage.PostgresFixture;
import org.fairdial.storage.StoreFixture;
import org.fairdial.storage.TestLegs;
import org.fairdial.testkit.Repository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9: answering machines agents disposed of (stored as {@code cdr_leg.agent_disposition}) go into Ofcom's
 * rate, and the live pacer, the pacer rebuilt after a restart and {@code report compliance} use the same count,
 * share and rate for each day; a closed day keeps its machine figures after the legs are purged. On H2 and, when
 * one is reachable, on PostgreSQL.
 */
class OfcomMachineReportTest {
    /** Monday 2 November 2026, 09:00 in London (GMT). */
    private static final Instant DAY1 = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant DAY2 = DAY1.plus(Duration.ofDays(1));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void reportShowsTheMachineEstimateThePacerUses(String store) throws Exception {
        DialerConfig config = DialerConfigLoader.load(Repository.root().resolve("config/dialer.conf"));
        CampaignConfig c = config.campaigns().get("spring");
        CampaignConfig campaign = new CampaignConfig("machines-" + store, c.enabled(), c.trunk(), c.leadsFile(),
                c.defaultRegion(), c.callerId(), config.profiles().get("uk-ofcom"), c.prompt(), c.pacing(),
                c.dialRatio(), c.ringTimeout(), c.agentConnectTimeout(), c.wrapUp(), c.abandon(), c.rules(),
                c.leadColumns(), c.doNotCall());
        try (StoreFixture fixture = store.equals("h2") ? new H2Fixture(dir) : PostgresFixture.create();
             Database db = Database.open(fixture.config())) {
            JdbcCdrRepository cdrs = new JdbcCdrRepository(db);
            // The live pacer as the dialer built it when the campaign first ran, fed as CampaignRunner feeds it.
            AbandonAccountant live = PacingFactory.create(campaign, cdrs, DAY1).accountant();
            List<CdrLeg> legs = new ArrayList<>();
            List<UUID> machineCalls = new ArrayList<>();
            // Day 1: 150 calls put through, 30 of them machines (180 >= MIN_SAMPLE), 5 abandoned.
            // Day 2: 50 put through, 10 machines (60 < MIN_SAMPLE: share taken as 0), 2 abandoned.
            day(campaign.name(), DAY1, 150, 30, 5, legs, machineCalls, live);
            day(campaign.name(), DAY2, 50, 10, 2, legs, machineCalls, live);
            cdrs.insertBatch(legs);
            for (UUID call : machineCalls) {
                assertEquals(2, cdrs.recordDisposition(call, "ANSWERING_MACHINE"), "customer and agent leg");
            }
            Instant now = DAY2.plus(Duration.ofDays(2));
            JdbcComplianceRepository repository = new JdbcComplianceRepository(db);
            ComplianceReport report = new ComplianceReporter(repository, config.profiles(), InstantSource.fixed(now))
                    .report(campaign.name(), "uk-ofcom", List.of(Formula.UK_OFCOM_24H), null);
            AbandonAccountant restarted = PacingFactory.create(campaign, cdrs, now).accountant();

            List<WindowFigures> rows = report.sections().get(0).windows();
            WindowFigures one = row(rows, DAY1);
            WindowFigures two = row(rows, DAY2);
            assertEquals(155, one.answeredLive());
            assertEquals(30, one.machines());
            assertEquals(1.0 / 6, one.machineShare(), 1e-12);
            assertEquals(5 * 5.0 / 6, one.liveAbandoned(), 1e-12);
            assertEquals((5 * 5.0 / 6) / (5 * 5.0 / 6 + 150), one.abandonRate(), 1e-12);
            assertTrue(one.abandonRate() <= one.rateCap() && 5.0 / 155 > one.rateCap(),
                    "2.70 % with the estimate, under the cap (5/155 = 3.23 % without)");
            assertEquals(10, two.machines());
            assertEquals(0, two.machineShare(), "60 calls put through: under the sample, no deduction");
            assertEquals(2.0 / 52, two.abandonRate(), 1e-12);

            AbandonWindow window = live.rule().windows().get(0);
            for (WindowFigures row : List.of(one, two)) {
                AbandonCounts pacer = live.counts(window, row.start());
                assertEquals(pacer, restarted.counts(window, row.start()), "restart replays what the pacer had");
                assertEquals(pacer, row.counts(), row.toString());
                assertEquals(live.rate(window, row.start()), row.abandonRate(), 1e-12);
                assertEquals(restarted.rate(window, row.start()), row.abandonRate(), 1e-12);
            }

            String text = ReportRendering.text(report);
            assertTrue(text.contains("machines") && text.contains("share") && text.contains("ab. live"), text);
            String json = ReportRendering.json(report);
            assertTrue(json.contains("\"machines\":30,\"machine_share\":0.16666666666666666,"
                    + "\"abandoned_counted_live\":4.166666666666667"), json);

            // The closed days are final: purged legs leave the stored machine figures as they were.
            StoreFixture.execute(db.dataSource(), "DELETE FROM cdr_leg");
            ComplianceReport again = new ComplianceReporter(repository, config.profiles(),
                    InstantSource.fixed(now.plusSeconds(60))).report(campaign.name(), "uk-ofcom",
                    List.of(Formula.UK_OFCOM_24H), null);
            WindowFigures stored = row(again.sections().get(0).windows(), DAY1);
            assertTrue(stored.closed());
            assertEquals(30, stored.machines());
            assertEquals(one.abandonRate(), stored.abandonRate(), 1e-12);
            assertEquals(one.liveAbandoned(), stored.liveAbandoned(), 1e-12);
        }
    }

    /** One day's calls as the store and the live accountant see them (machines disposed after the call). */
    private static void day(String campaign, Instant from, int putThrough, int machines, int abandoned,
                            List<CdrLeg> legs, List<UUID> machineCalls, AbandonAccountant live) {
        for (int i = 0; i < putThrough; i++) {
            UUID call = UUID.randomUUID();
            CdrLeg leg = TestLegs.full(campaign, call, Disposition.ANSWERED, from.plusSeconds(60L * i));
            legs.add(leg);
            live.connected(leg.answeredAt());
            if (i < machines) {
                legs.add(TestLegs.agent(campaign, call, Disposition.ANSWERED, leg.createdAt()));
                machineCalls.add(call);
                live.machine(leg.answeredAt());
            }
        }
        for (int i = 0; i < abandoned; i++) {
            CdrLeg leg = TestLegs.full(campaign, UUID.randomUUID(), Disposition.ABANDONED, from.plusSeconds(30L * i));
            legs.add(leg);
            live.abandoned(leg.answeredAt());
        }
    }

    private static WindowFigures row(List<WindowFigures> rows, Instant in) {
        return rows.stream().filter(w -> !w.start().isAfter(in) && w.end().isAfter(in)).findFirst()
                .orElseThrow(() -> new AssertionError("no window holds " + in + ": " + rows));
    }
}
