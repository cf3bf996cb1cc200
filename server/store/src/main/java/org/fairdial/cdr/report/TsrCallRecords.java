package org.fairdial.cdr.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.storage.JdbcCdrRepository;

/**
 * The call records the Telemarketing Sales Rule asks a telemarketer to keep, 16 CFR 310.5(a)(2) as amended in
 * 2024: for each call of a campaign in a period, the seller's campaign, the calling number and caller-ID name
 * transmitted, the called number, time and duration, the disposition, whether a prerecorded message was played and
 * which one, and the consent relied on (source and time). One line per customer leg, streamed from the store so a
 * period of any size costs constant memory; text for people, JSON lines for other tools.
 */
public final class TsrCallRecords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT_ROW = "%-24s  %-16s  %-16s  %-20s  %8s  %-11s  %-20s  %-24s  %s%n";

    private TsrCallRecords() {
    }

    /**
     * Writes the records of {@code campaign}'s customer legs created in {@code [from, to)}, oldest first.
     *
     * @return how many records were written
     */
    public static long write(JdbcCdrRepository cdrs, String campaign, Instant from, Instant to, boolean json,
                             Appendable out) {
        try {
            if (!json) {
                out.append("TSR call records (16 CFR 310.5(a)(2)), campaign ").append(campaign).append(", ")
                        .append(String.valueOf(from)).append(" to ").append(String.valueOf(to)).append('\n');
                out.append(String.format(Locale.ROOT, TEXT_ROW, "called at", "called number", "calling number",
                        "caller-ID name", "talk s", "disposition", "prerecorded message", "consent at",
                        "consent source"));
            }
            long[] count = {0};
            cdrs.stream(from, to, campaign, leg -> {
                if (leg.kind() != LegKind.CUSTOMER) {
                    return;
                }
                count[0]++;
                try {
                    out.append(json ? json(leg) + "\n" : text(leg));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!json) {
                out.append(count[0] + " call(s)\n");
            }
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(CdrLeg l) {
        return String.format(Locale.ROOT, TEXT_ROW, ms(l.createdAt()), dash(l.normalizedNumber()),
                dash(l.callerId()), dash(l.callerIdName()), String.format(Locale.ROOT, "%.1f", l.talkMs() / 1000.0),
                l.disposition(), l.promptPlayed() ? l.promptName() : "none", l.consentAt() == null ? "-"
                        : ms(l.consentAt()), dash(l.consentSource()));
    }

    static String json(CdrLeg l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("leg_id", l.legId().toString());
        o.put("call_id", l.callId().toString());
        o.put("campaign", l.campaign());
        o.put("called_at", ms(l.createdAt()));
        o.put("ended_at", ms(l.endedAt()));
        o.put("called_number", l.normalizedNumber());
        o.put("calling_number", l.callerId());
        o.put("caller_id_name", l.callerIdName());
        o.put("talk_ms", l.talkMs());
        o.put("disposition", l.disposition().name());
        o.put("prompt_played", l.promptPlayed());
        o.put("prompt_name", l.promptName());
        o.put("consent_source", l.consentSource());
        o.put("consent_at", l.consentAt() == null ? null : ms(l.consentAt()));
        return o.toString();
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    private static String ms(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }
}
