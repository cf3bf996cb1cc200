package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegKind;
import org.fairdial.compliance.Rule;
import org.fairdial.ports.Denial;
import org.fairdial.storage.JdbcDenialRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Registry freshness against real traffic, under the Garante-based test profile (Italy RPO: 15 days): with a
 * registry file whose header says it was downloaded 20 days ago the campaign refuses to dial (SIPp, as the
 * carrier, sees no INVITE) and records {@code dnc-registry-stale}; with one downloaded 2 days ago it dials, and the
 * call's CDR carries the TSR records: calling number and caller-ID name as sent in the INVITE, the prompt played,
 * the lead's consent.
 */
@Timeout(120)
class DncRegistryFreshnessIT extends SippCalls {
    private static final String NUMBER = "+390299000070";
    private static final String CONSENT_AT = "2026-01-15T10:20:30Z";

    /** A one-number RPO extract (not the lead's number) downloaded {@code daysAgo} days ago, and the keys naming it. */
    private String registry(int daysAgo) throws Exception {
        Path file = dir.resolve("rpo.txt");
        Files.writeString(file, "# Registro pubblico delle opposizioni, extract\n# downloaded: "
                + LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo) + "\n0299000099\n");
        return """
                dialer.do-not-call.registries.it-rpo { file = "%s", region = IT }
                dialer.campaigns.it.do-not-call.registries = [it-rpo]
                dialer.campaigns.it.lead-columns { consent-source = "consent_src", consent-at = "consent_at" }
                """.formatted(file.toAbsolutePath());
    }

    private static String leads() {
        return "number,name,consent_src,consent_at\n" + NUMBER + ",Callee,web form fairdial.test/optin #41,"
                + CONSENT_AT + "\n";
    }

    @Test
    void aStaleRegistryMakesTheCampaignRefuseToDial() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leadFile(leads()).dialing(1.0).extra(registry(20)).start()) {
            Sipp carrier = SippPeers.customer(dir, "customer", dialer, "customer-reject.xml", 1,
                    Map.of("code", "486", "reason", "Busy Here", "q850", "17"));
            assertFalse(dialer.campaign().dialNow(NUMBER).get());
            JdbcDenialRepository denials = new JdbcDenialRepository(dialer.server.database().dataSource());
            TestDialer.await("the stale denial", Duration.ofSeconds(10), () -> !denials.find("it", Instant.EPOCH,
                    Instant.now().plusSeconds(60), 10).isEmpty());
            // The pacer ticks every 250 ms: two seconds give it eight chances to dial anyway.
            Thread.sleep(2000);
            assertTrue(carrier.alive(), carrier::diagnostics);
            assertEquals(List.of(), carrier.messages().stream().filter(m -> m.isRequest("INVITE")).toList());
            List<Denial> rows = denials.find("it", Instant.EPOCH, Instant.now().plusSeconds(60), 10);
            assertFalse(rows.isEmpty());
            for (Denial d : rows) {
                assertEquals(Rule.DNC_REGISTRY_STALE, d.rule());
                assertEquals(NUMBER, d.number());
                assertTrue(d.reason().startsWith("dnc-registry-stale: registry it-rpo was downloaded "),
                        d.reason());
            }
            assertEquals(0, dialer.server.cdrs().count());
            carrier.close();
        }
    }

    @Test
    void aFreshRegistryDialsAndTheCdrCarriesTheTsrRecords() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).leadFile(leads()).extra(registry(2)).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            Sipp carrier = SippPeers.customer(dir, "customer", dialer, "customer-answer-await-bye.xml", 1,
                    Map.of("ring_ms", "300", "bye_timeout_ms", "6000",
                            "media_port", Integer.toString(callee.port())));
            assertTrue(dialer.campaign().dialNow(NUMBER).get());
            assertEquals(0, carrier.await(Duration.ofSeconds(30)), carrier::diagnostics);
            SippTrace.Message invite = carrier.messages().stream().filter(m -> !m.sent() && m.isRequest("INVITE"))
                    .findFirst().orElseThrow();
            String from = invite.header("From");
            assertTrue(from.contains("\"Fairdial IT\"") && from.contains("+390212345678"), from);

            CdrLeg leg = SippSupport.leg(dialer.awaitCdrs(1, Duration.ofSeconds(10)), LegKind.CUSTOMER);
            CdrLeg stored = dialer.server.cdrs().findByCall(leg.callId()).stream()
                    .filter(l -> l.kind() == LegKind.CUSTOMER).findFirst().orElseThrow();
            for (CdrLeg l : List.of(leg, stored)) {
                assertEquals("it", l.campaign());
                assertEquals(Disposition.ABANDONED, l.disposition());
                assertEquals("+390212345678", l.callerId());
                assertEquals("Fairdial IT", l.callerIdName());
                assertTrue(l.promptPlayed());
                assertEquals("demo-caller-id.wav", l.promptName());
                assertEquals("web form fairdial.test/optin #41", l.consentSource());
                assertEquals(Instant.parse(CONSENT_AT), l.consentAt());
            }
            assertEquals(List.of(), new JdbcDenialRepository(dialer.server.database().dataSource())
                    .find("it", Instant.EPOCH, Instant.now().plusSeconds(60), 10));
            SippSupport.assertNothingLeft(dialer);
        }
    }
}
