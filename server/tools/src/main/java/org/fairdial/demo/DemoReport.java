package org.fairdial.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.fairdial.app.DialerServer;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegIds;
import org.fairdial.cdr.LegKind;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.dialing.CampaignStats;

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

    /** Abandoned customer legs whose call had an agent leg that did not answer: a phone failed, not the pacer. */
    private long abandonedAfterAgentFailure() {
        List<CdrLeg> legs = server.cdrs().recent(10_000);
        Set<UUID> failedAgent = new HashSet<>();
        legs.stream().filter(l -> l.kind() == LegKind.AGENT
                && l.disposition() != Disposition.ANSWERED).forEach(l -> failedAgent.add(l.callId()));
        return legs.stream().filter(l -> l.kind() == LegKind.CUSTOMER
                && l.disposition() == Disposition.ABANDONED && failedAgent.contains(l.callId())).count();
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
        long afterAgentFailure = abandonedAfterAgentFailure();
        out.printf("  of the abandoned calls, %d followed an agent's phone that did not answer in time (demo agent"
                + " 1003 misses calls on purpose)%n  and %d were dialed ahead of the agents by the %s pacer%n",
                afterAgentFailure, s.abandoned() - afterAgentFailure, campaign.pacingMode());
        out.printf("  CDR rows stored: %d (customer and agent legs)%n", rows);
        out.println();
        out.println("last CDR rows (newest first):");
        out.printf("  %-8s %-6s %-10s %-10s %5s %7s %7s %s%n", "call", "leg", "number", "disposition", "code",
                "ring_ms", "talk_ms", "reason");
        for (CdrLeg leg : recent) {
            out.printf("  %-8s %-6s %-10s %-10s %5s %7d %7d %s%n", LegIds.shortForm(leg.callId()),
                    leg.kind(), leg.kind() == LegKind.AGENT ? leg.agent() : server.numberMask().mask(leg.normalizedNumber()),
                    leg.disposition(), leg.sipCode() == null ? "-" : leg.sipCode(), leg.ringMs(), leg.talkMs(),
                    leg.sipReason() == null ? "" : leg.sipReason());
        }
        return s.dialed() > 0 && s.finished() == s.dialed();
    }
}
