package org.fairdial.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.fairdial.app.DialerServer;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegIds;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.dialing.CampaignStats;
import org.fairdial.privacy.NumberMask;

/** Prints the demo's progress lines, its summary and the last CDR rows. */
final class DemoReport {
    private final DialerServer server;
    private final CampaignRunner campaign;
    private final PrintStream out;

    DemoReport(DialerServer server, CampaignRunner campaign, PrintStream out) {
        this.server = server;
        this.campaign = campaign;
        this.out = out;
    }

    void progress(Duration elapsed) {
        CampaignStats.Snapshot s = campaign.stats().snapshot();
        out.printf("t=%3ds dialed %3d  answered %3d  bridged %3d  abandoned %3d  live calls %2d  agents free %d%n",
                elapsed.toSeconds(), s.dialed(), s.answered(), s.bridged(), s.abandoned(), server.calls().size(),
                server.agents().availableCount());
    }

    /** Prints the summary; true when every dialed lead got an outcome and CDRs are all stored. */
    boolean summary(Duration elapsed) {
        CampaignStats.Snapshot s = campaign.stats().snapshot();
        List<CdrLeg> recent = server.cdrs().recent(12);
        long rows = server.cdrs().count();
        out.println();
        out.printf("campaign %s after %ds%n", campaign.name(), elapsed.toSeconds());
        out.printf("  dialed %d, answered %d, bridged to an agent %d, abandoned %d, busy %d, no answer %d, failed %d%n",
                s.dialed(), s.answered(), s.bridged(), s.abandoned(), s.busy(), s.noAnswer(), s.failed());
        out.printf("  abandon rate %.1f%% of answered; worst answer-to-BYE of an abandoned call %d ms (cap 3000)%n",
                100 * s.abandonRate(), s.worstAbandonMs());
        out.println("  (the demo dials 2 lines per free agent on purpose, to show both paths; the predictive pacer"
                + " keeps the rate under the profile's 3% cap)");
        out.printf("  CDR rows stored: %d (customer and agent legs)%n", rows);
        out.println();
        out.println("last CDR rows (newest first):");
        out.printf("  %-8s %-6s %-10s %-10s %5s %7s %7s %s%n", "call", "leg", "number", "disposition", "code",
                "ring_ms", "talk_ms", "reason");
        for (CdrLeg leg : recent) {
            out.printf("  %-8s %-6s %-10s %-10s %5s %7d %7d %s%n", LegIds.shortForm(leg.callId()),
                    leg.kind(), leg.kind() == org.fairdial.cdr.LegKind.AGENT ? leg.agent() : NumberMask.mask(leg.normalizedNumber()),
                    leg.disposition(), leg.sipCode() == null ? "-" : leg.sipCode(), leg.ringMs(), leg.talkMs(),
                    leg.sipReason() == null ? "" : leg.sipReason());
        }
        return s.dialed() > 0 && s.finished() == s.dialed();
    }
}
