package org.fairdial.cdr.export;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegIds;
import org.fairdial.cdr.LegKind;

/**
 * How {@code dialer cdr export} writes a leg. {@link #CSV} and {@link #JSONL} carry every {@code cdr_leg} column
 * under its own name (docs/cdr.md), timestamps as ISO-8601 UTC with milliseconds, durations in milliseconds;
 * {@link #ASTERISK_CSV} is the column order of Asterisk's {@code Master.csv} (cdr_csv), for tools that read it.
 */
public enum ExportFormat {
    /** RFC 4180 CSV with a header line. */
    CSV,
    /** One JSON object per line. */
    JSONL,
    /**
     * Asterisk cdr_csv's Master.csv: no header; accountcode (campaign), src (caller ID sent), dst (number dialed,
     * or the agent), dcontext ({@code fairdial}), clid, channel ({@code SIP/<trunk or agent>-<last 8 hex digits
     * of the leg id>}), dstchannel (empty), lastapp ({@code Dial}), lastdata (Request-URI), start, answer, end
     * ({@code yyyy-MM-dd HH:mm:ss} UTC, as with {@code usegmtime=yes}), duration and billsec (whole seconds,
     * unquoted), disposition (ANSWERED, NO ANSWER, BUSY, FAILED), amaflags ({@code DOCUMENTATION}), uniqueid (leg
     * id) and userfield ({@code fairdial disposition;sip code;leg kind}), as with {@code loguniqueid=yes} and
     * {@code loguserfield=yes}.
     */
    ASTERISK_CSV;

    private static final DateTimeFormatter ASTERISK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Column names of {@link #CSV} and {@link #JSONL}: every {@code cdr_leg} column of docs/cdr.md, in order. */
    private static final String[] COLUMNS = {"leg_id", "call_id", "kind", "campaign", "lead_id", "dialed_number",
        "normalized_number", "from_uri", "to_uri", "caller_id", "trunk", "agent", "sip_call_id", "created_at",
        "ringing_at", "answered_at", "bridged_at", "ended_at", "post_dial_delay_ms", "early_media", "ring_ms",
        "talk_ms", "disposition", "sip_code", "sip_reason", "q850_cause", "hangup_side", "abandon_treatment",
        "abandon_treatment_ms", "rtp_sent", "rtp_received", "rtp_lost"};
    /** The JSON keys, quoted once. */
    private static final String[] JSON_KEYS = new String[COLUMNS.length];

    static {
        for (int i = 0; i < COLUMNS.length; i++) {
            JSON_KEYS[i] = Text.json(COLUMNS[i]) + ":";
        }
    }

    /** The header line, or null when the format has none. */
    public String header() {
        return this == CSV ? String.join(",", COLUMNS) : null;
    }

    /** One leg as one line (without the line break). */
    public String line(CdrLeg leg) {
        if (this == ASTERISK_CSV) {
            return asterisk(leg);
        }
        Object[] values = values(leg);
        StringBuilder line = new StringBuilder(768);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (this == CSV) {
                line.append(i == 0 ? "" : ",").append(Text.csv(v == null ? null : v.toString()));
            } else {
                line.append(i == 0 ? "{" : ",").append(JSON_KEYS[i]).append(json(v));
            }
        }
        return this == JSONL ? line.append('}').toString() : line.toString();
    }

    private static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return Text.json(value.toString());
    }

    /** The values in {@link #COLUMNS} order. */
    private static Object[] values(CdrLeg l) {
        return new Object[] {l.legId(), l.callId(), l.kind(), l.campaign(), l.leadId(), l.dialedNumber(),
            l.normalizedNumber(), l.fromUri(), l.toUri(), l.callerId(), l.trunk(), l.agent(), l.sipCallId(),
            ms(l.createdAt()), ms(l.ringingAt()), ms(l.answeredAt()), ms(l.bridgedAt()), ms(l.endedAt()),
            l.postDialDelayMs(), l.earlyMedia(), l.ringMs(), l.talkMs(), l.disposition(), l.sipCode(),
            l.sipReason(), l.q850Cause(), l.hangupSide(), l.abandonTreatment(), l.abandonTreatmentMs(),
            l.rtpSent(), l.rtpReceived(), l.rtpLost()};
    }

    private static String ms(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String asterisk(CdrLeg l) {
        boolean customer = l.kind() == LegKind.CUSTOMER;
        String peer = customer ? l.trunk() : l.agent();
        String leg = l.legId().toString();
        long duration = Duration.between(l.createdAt(), l.endedAt()).toSeconds();
        long billsec = l.answeredAt() == null ? 0 : Duration.between(l.answeredAt(), l.endedAt()).toSeconds();
        StringJoiner line = new StringJoiner(",");
        line.add(Text.quoted(l.campaign()))
                .add(Text.quoted(l.callerId()))
                .add(Text.quoted(customer ? l.normalizedNumber() : l.agent()))
                .add(Text.quoted("fairdial"))
                .add(Text.quoted("\"" + l.campaign() + "\" <" + (l.callerId() == null ? "" : l.callerId()) + ">"))
                .add(Text.quoted("SIP/" + (peer == null ? "unknown" : peer) + "-" + LegIds.shortForm(l.legId())))
                .add(Text.quoted(""))
                .add(Text.quoted("Dial"))
                .add(Text.quoted(l.toUri()))
                .add(Text.quoted(ASTERISK_TIME.format(l.createdAt())))
                .add(Text.quoted(l.answeredAt() == null ? "" : ASTERISK_TIME.format(l.answeredAt())))
                .add(Text.quoted(ASTERISK_TIME.format(l.endedAt())))
                .add(Long.toString(Math.max(0, duration)))
                .add(Long.toString(Math.max(0, billsec)))
                .add(Text.quoted(asteriskDisposition(l.disposition())))
                .add(Text.quoted("DOCUMENTATION"))
                .add(Text.quoted(leg))
                .add(Text.quoted(l.disposition() + ";" + (l.sipCode() == null ? "" : l.sipCode()) + ";"
                        + l.kind()));
        return line.toString();
    }

    /** Asterisk knows no abandoned or cancelled call: the callee answered, or nobody did. */
    static String asteriskDisposition(Disposition d) {
        return switch (d) {
            case ANSWERED, ABANDONED -> "ANSWERED";
            case NO_ANSWER, CANCELLED -> "NO ANSWER";
            case BUSY -> "BUSY";
            case FAILED -> "FAILED";
        };
    }
}
