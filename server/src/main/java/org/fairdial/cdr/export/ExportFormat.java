package org.fairdial.cdr.export;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
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
     * or the agent), dcontext ({@code fairdial}), clid, channel ({@code SIP/<trunk or agent>-<leg id>}),
     * dstchannel (empty), lastapp ({@code Dial}), lastdata (Request-URI), start, answer, end ({@code yyyy-MM-dd
     * HH:mm:ss} UTC, as with {@code usegmtime=yes}), duration and billsec (whole seconds, unquoted), disposition
     * (ANSWERED, NO ANSWER, BUSY, FAILED), amaflags ({@code DOCUMENTATION}), uniqueid (leg id) and userfield
     * ({@code fairdial disposition;sip code;leg kind}), as with {@code loguniqueid=yes} and
     * {@code loguserfield=yes}.
     */
    ASTERISK_CSV;

    private static final DateTimeFormatter ASTERISK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The header line, or null when the format has none. */
    public String header() {
        return this == CSV ? String.join(",", columns(null).keySet()) : null;
    }

    /** One leg as one line (without the line break). */
    public String line(CdrLeg leg) {
        return switch (this) {
            case CSV -> {
                StringJoiner line = new StringJoiner(",");
                columns(leg).values().forEach(v -> line.add(Text.csv(v == null ? null : v.toString())));
                yield line.toString();
            }
            case JSONL -> {
                StringJoiner object = new StringJoiner(",", "{", "}");
                columns(leg).forEach((name, v) -> object.add(Text.json(name) + ":" + json(v)));
                yield object.toString();
            }
            case ASTERISK_CSV -> asterisk(leg);
        };
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

    /** Every column of docs/cdr.md by name, in table order; values null for the header. */
    private static Map<String, Object> columns(CdrLeg l) {
        Map<String, Object> c = new LinkedHashMap<>();
        boolean h = l == null;
        c.put("leg_id", h ? null : l.legId());
        c.put("call_id", h ? null : l.callId());
        c.put("kind", h ? null : l.kind());
        c.put("campaign", h ? null : l.campaign());
        c.put("lead_id", h ? null : l.leadId());
        c.put("dialed_number", h ? null : l.dialedNumber());
        c.put("normalized_number", h ? null : l.normalizedNumber());
        c.put("from_uri", h ? null : l.fromUri());
        c.put("to_uri", h ? null : l.toUri());
        c.put("caller_id", h ? null : l.callerId());
        c.put("trunk", h ? null : l.trunk());
        c.put("agent", h ? null : l.agent());
        c.put("sip_call_id", h ? null : l.sipCallId());
        c.put("created_at", h ? null : ms(l.createdAt()));
        c.put("ringing_at", h ? null : ms(l.ringingAt()));
        c.put("answered_at", h ? null : ms(l.answeredAt()));
        c.put("bridged_at", h ? null : ms(l.bridgedAt()));
        c.put("ended_at", h ? null : ms(l.endedAt()));
        c.put("post_dial_delay_ms", h ? null : l.postDialDelayMs());
        c.put("early_media", h ? null : l.earlyMedia());
        c.put("ring_ms", h ? null : l.ringMs());
        c.put("talk_ms", h ? null : l.talkMs());
        c.put("disposition", h ? null : l.disposition());
        c.put("sip_code", h ? null : l.sipCode());
        c.put("sip_reason", h ? null : l.sipReason());
        c.put("q850_cause", h ? null : l.q850Cause());
        c.put("hangup_side", h ? null : l.hangupSide());
        c.put("abandon_treatment", h ? null : l.abandonTreatment());
        c.put("abandon_treatment_ms", h ? null : l.abandonTreatmentMs());
        c.put("rtp_sent", h ? null : l.rtpSent());
        c.put("rtp_received", h ? null : l.rtpReceived());
        c.put("rtp_lost", h ? null : l.rtpLost());
        return c;
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
                .add(Text.quoted("SIP/" + (peer == null ? "unknown" : peer) + "-" + leg.substring(0, 8)))
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
