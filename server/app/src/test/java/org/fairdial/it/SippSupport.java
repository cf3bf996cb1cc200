package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.junit.jupiter.api.Assumptions;

/** Shared checks of the SIPp integration tests. */
final class SippSupport {
    private SippSupport() {
    }

    /** Skips (visibly) where SIPp is not installed; CI installs it. */
    static void assumeSipp() {
        Assumptions.assumeTrue(Sipp.available(),
                "sipp not found: install Debian package sip-tester (apt-get install sip-tester); skipping");
    }

    static CdrLeg leg(List<CdrLeg> cdrs, LegKind kind) {
        return cdrs.stream().filter(c -> c.kind() == kind).reduce((a, b) -> {
            throw new AssertionError("more than one " + kind + " leg: " + cdrs);
        }).orElseThrow(() -> new AssertionError("no " + kind + " leg in " + cdrs));
    }

    /** Everything a call held is released: sessions, SIP legs, RTP ports; no unexpected event was seen. */
    static void assertNothingLeft(TestDialer dialer) throws InterruptedException {
        TestDialer.await("calls, SIP legs and RTP ports released", Duration.ofSeconds(10),
                () -> dialer.server.calls().size() == 0 && dialer.server.sip().openLegs() == 0
                        && dialer.server.media().openLegs() == 0);
        assertEquals(0, dialer.server.calls().unexpectedEvents(), "unexpected (state, event) pairs");
    }

    /** What a receiver got is one RTP stream: one SSRC, sequence numbers going up by one. */
    static void assertOneStreamPerReceiver(RtpPeer peer) {
        List<RtpPeer.Packet> packets = peer.received();
        long ssrcs = packets.stream().map(RtpPeer.Packet::ssrc).distinct().count();
        assertEquals(1, ssrcs, "SSRCs seen by one receiver");
        int jumps = 0;
        for (int i = 1; i < packets.size(); i++) {
            int step = (packets.get(i).seq() - packets.get(i - 1).seq()) & 0xffff;
            if (step != 1) {
                jumps++;
            }
        }
        assertEquals(0, jumps, "sequence number jumps in " + packets.size() + " packets");
    }

    /** Time of the first message SIPp sent or received matching {@code what}. */
    static Instant when(List<SippTrace.Message> messages, Predicate<SippTrace.Message> what) {
        return messages.stream().filter(what).map(SippTrace.Message::at).findFirst()
                .orElseThrow(() -> new AssertionError("no such message in the SIPp trace"));
    }

    /** RMS of a PCMU payload in dBFS (full-scale sine = 0 dBFS convention not needed: relative check). */
    static double pcmuDbfs(byte[] payload) {
        double sum = 0;
        for (byte b : payload) {
            double s = ulawToLinear(b) / 32768.0;
            sum += s * s;
        }
        double rms = Math.sqrt(sum / Math.max(1, payload.length));
        return rms == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(rms);
    }

    /** ITU-T G.711 mu-law expansion, written out here so the test does not trust the code it tests. */
    static int ulawToLinear(byte code) {
        int u = ~code & 0xff;
        int t = ((u & 0x0f) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    static Duration between(Instant a, Instant b) {
        return Duration.between(a, b);
    }
}
