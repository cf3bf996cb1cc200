package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.media.codec.MuLaw;
import org.fairdial.storage.RecordingStore;
import org.fairdial.testkit.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A recorded campaign end to end against SIPp signalling and RTP peers, with encryption at rest on (keys from the
 * environment, app/pom.xml): the bridged call is stored sealed (no WAV on disk), referenced from the customer's CDR
 * leg, served decrypted as stereo WAV (customer left, agent right) to a supervisor only, and every fetch audited.
 */
@Timeout(120)
class RecordingIT extends SippCalls {
    private static final byte CALLEE_SAYS = 0x55;
    private static final byte AGENT_SAYS = 0x2A;
    private static final String SUPERVISOR = "supervisor-token-0123456789";
    private static final String VIEWER = "viewer-token-0123456789abc";

    @Test
    void bridgedCallIsRecordedSealedAndServedAsStereoToSupervisorsOnly() throws Exception {
        Path recordings = dir.resolve("recordings");
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "pw-1001").leads("+390299000061")
                .dialing(1.0).extra("""
                        dialer.campaigns.it.recording = on
                        dialer.store.recordings-directory = "%s"
                        dialer.privacy.encryption {
                          enabled = true
                          keys { k1 = FAIRDIAL_TEST_DATA_KEY_1 }
                          current-key-id = k1
                          index-key-env = FAIRDIAL_TEST_INDEX_KEY
                        }
                        dialer.admin { enabled = true, port = 0
                          tokens.floor { role = supervisor, sha256 = "%s" }
                          tokens.wall { role = viewer, sha256 = "%s" } }
                        """.formatted(recordings, AdminTokens.sha256(SUPERVISOR), AdminTokens.sha256(VIEWER)))
                .start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhone = RtpPeer.open(TestDialer.freeRange(4))) {
            callee.talk(CALLEE_SAYS);
            agentPhone.talk(AGENT_SAYS);
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-hangup.xml", 1,
                    Map.of("ring_ms", "500", "talk_ms", "3000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1001", "pw-1001", "agent-answer.xml", agentPhone.port(),
                    7000);
            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            CdrLeg customerLeg = SippSupport.leg(dialer.awaitCdrs(2, Duration.ofSeconds(10)), LegKind.CUSTOMER);
            assertEquals(0, agent.await(Duration.ofSeconds(60)), agent::diagnostics);

            List<RecordingStore.Stored> stored = dialer.server.recordings().ofLeg(customerLeg.legId());
            assertEquals(1, stored.size(), "one recording referenced from the customer's leg");
            RecordingStore.Stored recording = stored.get(0);
            assertEquals("k1", recording.keyId());
            assertFalse(recording.announcementPlayed());
            List<Path> files = files(recordings);
            assertEquals(1, files.size(), "files " + files);
            assertFalse(files.get(0).getFileName().toString().contains("0299000061"), "file named by the number");
            assertFalse(new String(Files.readAllBytes(files.get(0)), StandardCharsets.ISO_8859_1).contains("RIFF"),
                    "a plain WAV on disk with encryption on");

            String path = "/api/recordings/" + recording.id();
            assertEquals(403, get(dialer, path, VIEWER).statusCode());
            assertEquals(404, get(dialer, "/api/recordings/rec-unknown", SUPERVISOR).statusCode());
            HttpResponse<byte[]> fetched = get(dialer, path, SUPERVISOR);
            assertEquals(200, fetched.statusCode());
            assertEquals("audio/wav", fetched.headers().firstValue("Content-Type").orElse("").split(";")[0]);

            Stereo wav = Stereo.parse(fetched.body());
            double seconds = wav.left.length / 8000.0;
            assertTrue(seconds >= 2.0 && seconds <= customerLeg.talkMs() / 1000.0 + 1.5,
                    "recorded " + seconds + " s of a " + customerLeg.talkMs() + " ms talk");
            double leftCallee = wav.shareOf(wav.left, MuLaw.decode(CALLEE_SAYS));
            double rightAgent = wav.shareOf(wav.right, MuLaw.decode(AGENT_SAYS));
            LoggerFactory.getLogger(RecordingIT.class).info("recording: {} bytes sealed on disk, {} s stereo served,"
                            + " callee in {} of the left channel, agent in {} of the right", Files.size(files.get(0)),
                    seconds, leftCallee, rightAgent);
            assertTrue(leftCallee > 0.6, "left channel holds the callee in " + leftCallee + " of its samples");
            assertTrue(rightAgent > 0.6, "right channel holds the agent in " + rightAgent + " of its samples");
            assertTrue(wav.shareOf(wav.left, MuLaw.decode(AGENT_SAYS)) < 0.05, "agent leaked into the left");

            List<Integer> audits = fetchAudits(dialer);
            assertTrue(audits.contains(404) && audits.stream().filter(s -> s == 200).count() == 1,
                    "every supervisor fetch audited, found or not: " + audits);
            SippSupport.assertNothingLeft(dialer);
        }
    }

    @Test
    void withConsentTheCalleeHearsTheAnnouncementBeforeTheBridgeAndErasureRemovesTheRecording() throws Exception {
        Path recordings = dir.resolve("recordings");
        Path announcement = Repository.root().resolve("config/prompts/demo-caller-id.wav");
        String number = "+390299000062";
        try (TestDialer dialer = TestDialer.in(dir).agent("1001", "pw-1001").leads(number).dialing(1.0)
                .extra("""
                        dialer.campaigns.it { recording = on-with-consent, recording-announcement = "%s" }
                        dialer.store.recordings-directory = "%s"
                        """.formatted(announcement, recordings)).start();
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhone = RtpPeer.open(TestDialer.freeRange(4))) {
            callee.talk(CALLEE_SAYS);
            agentPhone.talk(AGENT_SAYS);
            Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-hangup.xml", 1,
                    Map.of("ring_ms", "500", "talk_ms", "5000", "media_port", Integer.toString(callee.port())));
            Sipp agent = SippPeers.agent(dir, dialer, "1001", "pw-1001", "agent-answer.xml", agentPhone.port(),
                    9000);
            assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
            List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(10));
            assertEquals(0, agent.await(Duration.ofSeconds(60)), agent::diagnostics);
            CdrLeg customerLeg = SippSupport.leg(cdrs, LegKind.CUSTOMER);
            CdrLeg agentLeg = SippSupport.leg(cdrs, LegKind.AGENT);

            long announced = Duration.between(agentLeg.answeredAt(), customerLeg.bridgedAt()).toMillis();
            assertTrue(announced >= 1_500, "agent answered " + announced + " ms before the bridge (1.65 s prompt)");
            List<RtpPeer.Packet> heard = callee.received();
            int firstAgent = 0;
            while (firstAgent < heard.size() && heard.get(firstAgent).payload()[0] != AGENT_SAYS) {
                firstAgent++;
            }
            assertTrue(firstAgent >= 75, "the callee got " + firstAgent + " packets before the agent's voice");
            assertTrue(firstAgent < heard.size(), "the callee never heard the agent");
            RecordingStore.Stored recording = dialer.server.recordings().ofLeg(customerLeg.legId()).get(0);
            assertTrue(recording.announcementPlayed(), "the CDR notes the announcement");
            assertEquals(null, recording.keyId(), "encryption off: a plain WAV");
            assertEquals(1, files(recordings).size());

            assertEquals(1, dialer.server.recordings().eraseNumber(number));
            assertEquals(List.of(), files(recordings), "erased number's recording left on disk");
            assertTrue(dialer.server.recordings().find(recording.id()).isEmpty());
            SippSupport.assertNothingLeft(dialer);
        }
    }

    /** The statuses of the audit rows written for recording fetches, oldest first. */
    private static List<Integer> fetchAudits(TestDialer dialer) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        try (Connection c = dialer.server.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT status FROM admin_audit WHERE action LIKE ?"
                     + " ORDER BY occurred_at")) {
            s.setString(1, "%/api/recordings/%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    statuses.add(rs.getInt(1));
                }
            }
        }
        return statuses;
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static HttpResponse<byte[]> get(TestDialer dialer, String path, String token) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + dialer.server.admin().port() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A 16-bit stereo PCM WAV split into its channels (the canonical 44-byte header the recorder writes). */
    private record Stereo(short[] left, short[] right) {
        static Stereo parse(byte[] wav) {
            ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals("RIFF", new String(wav, 0, 4, StandardCharsets.US_ASCII));
            assertEquals("WAVE", new String(wav, 8, 4, StandardCharsets.US_ASCII));
            assertEquals(1, b.getShort(20), "PCM");
            assertEquals(2, b.getShort(22), "channels");
            assertEquals(8000, b.getInt(24), "sample rate");
            assertEquals(16, b.getShort(34), "bits per sample");
            int data = 12;
            while (!new String(wav, data, 4, StandardCharsets.US_ASCII).equals("data")) {
                data += 8 + b.getInt(data + 4);
            }
            int frames = b.getInt(data + 4) / 4;
            short[] left = new short[frames];
            short[] right = new short[frames];
            for (int i = 0; i < frames; i++) {
                left[i] = b.getShort(data + 8 + 4 * i);
                right[i] = b.getShort(data + 10 + 4 * i);
            }
            return new Stereo(left, right);
        }

        double shareOf(short[] channel, short value) {
            long n = 0;
            for (short s : channel) {
                if (s == value) {
                    n++;
                }
            }
            return channel.length == 0 ? 0 : (double) n / channel.length;
        }
    }
}
