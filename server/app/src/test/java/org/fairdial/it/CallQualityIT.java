package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.RtpQuality;
import org.fairdial.media.rtcp.RtcpCompound;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Media hygiene of a bridged call end to end: a callee whose RTP stops is hung up after
 * {@code dialer.calls.customer-rtp-timeout} (the agent side's {@code dialer.agent-policy.rtp-timeout} is
 * AgentControlIT's), and each leg's RTCP reaches its phone and the phone's reports reach the CDR.
 */
@Timeout(120)
class CallQualityIT extends SippCalls {

    @Test
    void bridgedCalleeWhoseRtpStopsIsHungUpWithTheReasonNamingTheCallee() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1004", "pw-1004").leads("+390299000040").dialing(1.0)
                .extra("dialer.calls.customer-rtp-timeout = 2 seconds").start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhone = RtpPeer.open(TestDialer.freeRange(4))) {
            callee.talk((byte) 0x55);
            agentPhone.talk((byte) 0x66);
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-await-bye.xml", 1,
                    Map.of("ring_ms", "300", "bye_timeout_ms", "20000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1004", "pw-1004", "agent-answer.xml", agentPhone.port(),
                    9000);
            // Bridged: the agent hears the callee. Then the callee's line goes dead, without a BYE.
            TestDialer.await("callee audio relayed to the agent", Duration.ofSeconds(20),
                    () -> agentPhone.countPayload((byte) 0x55) >= 25);
            callee.silence();
            Instant silentFrom = Instant.now();
            assertEquals(0, customer.await(Duration.ofSeconds(40)), customer::diagnostics);
            long endedAfterMs = Duration.between(silentFrom, Instant.now()).toMillis();
            List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(10));
            CdrLeg customerLeg = SippSupport.leg(cdrs, LegKind.CUSTOMER);
            CdrLeg agentLeg = SippSupport.leg(cdrs, LegKind.AGENT);
            assertEquals("OK; no RTP from the callee", customerLeg.sipReason());
            assertEquals(HangupSide.DIALER, customerLeg.hangupSide());
            assertEquals("OK; callee media lost", agentLeg.sipReason());
            // 2 s of silence, found by a check every 2/3 s, plus the BYE's way: never held open.
            assertTrue(endedAfterMs >= 1_900 && endedAfterMs < 6_000, "ended " + endedAfterMs + " ms after silence");
            assertEquals(0, agent.await(Duration.ofSeconds(30)), agent::diagnostics);
            SippSupport.assertNothingLeft(dialer);
        }
    }

    @Test
    void eachLegReportsToItsPhoneAndThePhonesReportsReachTheCdr() throws Exception {
        try (TestDialer dialer = TestDialer.in(dir).agent("1005", "pw-1005").leads("+390299000050").dialing(1.0)
                .start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhone = RtpPeer.open(TestDialer.freeRange(4));
             // The callee's phone reports 25% lost (64/256), 42 lost, jitter 160 units (20 ms) about our stream;
             // the agent's 0%, 3 lost, 8 units (1 ms).
             RtcpResponder calleeRtcp = new RtcpResponder(callee.port() + 1, 0xCA11EEL, 64, 42, 160);
             RtcpResponder agentRtcp = new RtcpResponder(agentPhone.port() + 1, 0xA9E47L, 0, 3, 8)) {
            callee.talk((byte) 0x55);
            agentPhone.talk((byte) 0x66);
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-hangup.xml", 1,
                    Map.of("ring_ms", "300", "talk_ms", "8000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1005", "pw-1005", "agent-answer.xml", agentPhone.port(),
                    9000);
            assertEquals(0, customer.await(Duration.ofSeconds(40)), customer::diagnostics);
            List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(10));
            assertEquals(0, agent.await(Duration.ofSeconds(30)), agent::diagnostics);

            RtpQuality customerSide = SippSupport.leg(cdrs, LegKind.CUSTOMER).rtpQuality();
            assertEquals(25.0, customerSide.peerLossPercent(), customerSide.toString());
            assertEquals(42L, customerSide.peerLost());
            assertEquals(20.0, customerSide.peerJitterMs());
            assertNotNull(customerSide.rttMs(), "the phone echoed our SR: " + customerSide);
            assertTrue(customerSide.rttMs() >= 0 && customerSide.rttMs() < 500, customerSide.toString());
            assertNotNull(customerSide.jitterMs(), "our own jitter on the callee's audio");
            assertTrue(customerSide.jitterMs() < 20, customerSide.toString());
            RtpQuality agentSide = SippSupport.leg(cdrs, LegKind.AGENT).rtpQuality();
            assertEquals(0.0, agentSide.peerLossPercent(), agentSide.toString());
            assertEquals(3L, agentSide.peerLost());
            assertEquals(1.0, agentSide.peerJitterMs());
            assertNotNull(agentSide.rttMs());

            for (RtcpResponder phone : List.of(calleeRtcp, agentRtcp)) {
                List<RtcpCompound> got = phone.received();
                assertTrue(got.stream().anyMatch(p -> p.senderInfo() != null && !p.reports().isEmpty()),
                        "a sender report with a block about the phone's audio: " + got);
                assertTrue(got.stream().allMatch(p -> p.cname() != null), "CNAME in every packet: " + got);
                TestDialer.await("BYE on the leg's end", Duration.ofSeconds(5),
                        () -> phone.received().stream().anyMatch(RtcpCompound::bye));
            }
            SippSupport.assertNothingLeft(dialer);
        }
    }

    /**
     * baresip as the agent's softphone: a real RTCP stack. Its reports about the agent leg's stream reach that
     * leg's CDR, and its rtcpsummary module prints what it made of ours.
     */
    @Test
    void aRealSoftphonesRtcpReachesTheAgentLegsCdr() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/baresip")), "baresip not installed; skipping");
        try (TestDialer dialer = TestDialer.in(dir).agent("1006", "pw-1006").leads("+390299000060").dialing(1.0)
                .start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4))) {
            callee.talk((byte) 0x55);
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-hangup.xml", 1,
                    Map.of("ring_ms", "300", "talk_ms", "12000", "media_port", Integer.toString(callee.port())));
            Path phone = Files.createDirectories(dir.resolve("baresip"));
            int rtp = TestDialer.freeRange(20);
            Files.writeString(phone.resolve("config"), """
                    poll_method epoll
                    sip_listen 127.0.0.1:%d
                    # Else baresip offers its eth0 address in SDP, which strict symmetric RTP rightly refuses.
                    net_interface 127.0.0.1
                    rtp_ports %d-%d
                    audio_player aufile,%s
                    audio_source ausine,440
                    # ausine only makes 48 kHz stereo: baresip resamples to the 8 kHz mono of G.711.
                    ausrc_srate 48000
                    ausrc_channels 2
                    module_path /usr/lib/baresip/modules
                    module g711.so
                    module ausine.so
                    module aufile.so
                    module rtcpsummary.so
                    module_tmp account.so
                    """.formatted(TestDialer.freePort(), rtp, rtp + 19, phone.resolve("heard.wav")));
            Files.writeString(phone.resolve("accounts"), "<sip:1006@127.0.0.1:" + dialer.sipPort
                    + ">;auth_pass=pw-1006;answermode=auto;regint=60\n");
            Path log = dir.resolve("baresip.log");
            Process baresip = new ProcessBuilder("baresip", "-f", phone.toString(), "-t", "60")
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            try {
                assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
                List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(10));
                CdrLeg agentLeg = SippSupport.leg(cdrs, LegKind.AGENT);
                RtpQuality reported = agentLeg.rtpQuality();
                assertTrue(agentLeg.rtpReceived() > 100, "baresip's audio: " + agentLeg);
                assertNotNull(reported.peerLost(), "baresip's RTCP report about our stream: " + reported + "; log "
                        + read(log));
                assertEquals(0.0, reported.peerLossPercent(), "loopback loses nothing: " + reported);
                assertNotNull(reported.peerJitterMs(), reported.toString());
                assertNotNull(reported.rttMs(), "baresip echoed our sender report: " + reported);
                assertTrue(reported.rttMs() < 500, reported.toString());
                assertNotNull(reported.jitterMs(), "our jitter on baresip's audio: " + reported);
                // rtcpsummary prints, as the call ends, what baresip made of the RTCP it got from us.
                TestDialer.await("baresip's RTCP summary", Duration.ofSeconds(10),
                        () -> read(log).contains("EX=BareSip;"));
                String summary = read(log);
                assertFalse(summary.contains("No RTCP stats collected"), summary);
                assertTrue(summary.contains("PL=0,0;"), "baresip's RTCP summary: nothing lost either way: " + summary);
            } finally {
                baresip.destroy();
                if (!baresip.waitFor(10, TimeUnit.SECONDS)) {
                    baresip.destroyForcibly();
                }
            }
            SippSupport.assertNothingLeft(dialer);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
