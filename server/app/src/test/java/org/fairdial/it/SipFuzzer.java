package org.fairdial.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A bounded, seeded SIP fuzzer: each message is a valid OPTIONS, INVITE (with SDP), REGISTER or BYE mutated one
 * way: truncated, a huge or negative Content-Length, pure garbage, a mandatory header missing, a huge header,
 * control bytes, flipped bits, or a broken SDP body. Same seed, same messages.
 */
final class SipFuzzer {
    enum Mutation { TRUNCATE, HUGE_LENGTH, NEGATIVE_LENGTH, GARBAGE, MISSING_HEADER, LONG_HEADER, CONTROL_BYTES,
        BIT_FLIPS, BAD_SDP }

    private static final String[] MANDATORY = {"Via", "From", "To", "Call-ID", "CSeq", "Max-Forwards"};
    private final Random random;
    private final int sipPort;
    private long n;

    SipFuzzer(long seed, int sipPort) {
        this.random = new Random(seed);
        this.sipPort = sipPort;
    }

    /** The next mutation, round robin so every kind is in every run. */
    Mutation mutation() {
        return Mutation.values()[(int) (n % Mutation.values().length)];
    }

    byte[] next(String transport, int fromPort) {
        Mutation mutation = mutation();
        n++;
        String base = base(transport, fromPort);
        return switch (mutation) {
            case TRUNCATE -> {
                byte[] all = base.getBytes(StandardCharsets.ISO_8859_1);
                int len = 1 + random.nextInt(all.length - 1);
                byte[] cut = new byte[len];
                System.arraycopy(all, 0, cut, 0, len);
                yield cut;
            }
            case HUGE_LENGTH -> bytes(base.replaceFirst("Content-Length: \\d+",
                    "Content-Length: " + (random.nextBoolean() ? "99999999" : "18446744073709551617")));
            case NEGATIVE_LENGTH -> bytes(base.replaceFirst("Content-Length: \\d+", "Content-Length: -"
                    + (1 + random.nextInt(1_000_000))));
            case GARBAGE -> {
                byte[] junk = new byte[1 + random.nextInt(1400)];
                random.nextBytes(junk);
                yield junk;
            }
            case MISSING_HEADER -> {
                String header = MANDATORY[random.nextInt(MANDATORY.length)];
                yield bytes(base.replaceFirst("(?m)^" + header + ":[^\r]*\r\n", ""));
            }
            case LONG_HEADER -> bytes(base.replaceFirst("\r\n\r\n", "\r\nSubject: " + "A".repeat(
                    2_000 + random.nextInt(60_000)) + "\r\n\r\n"));
            case CONTROL_BYTES -> {
                byte[] all = base.getBytes(StandardCharsets.ISO_8859_1);
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    all[random.nextInt(all.length)] = (byte) random.nextInt(0x20);
                }
                yield all;
            }
            case BIT_FLIPS -> {
                byte[] all = base.getBytes(StandardCharsets.ISO_8859_1);
                for (int i = 0; i < 1 + random.nextInt(16); i++) {
                    all[random.nextInt(all.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield all;
            }
            case BAD_SDP -> bytes(invite(transport, fromPort, badSdp()));
        };
    }

    private String base(String transport, int fromPort) {
        return switch (random.nextInt(4)) {
            case 0 -> SipProbe.options(transport, "127.0.0.1", fromPort, sipPort);
            case 1 -> invite(transport, fromPort, "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
                    + "t=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");
            case 2 -> request("REGISTER", "sip:127.0.0.1", transport, fromPort, "", "");
            default -> request("BYE", "sip:nobody@127.0.0.1", transport, fromPort, ";tag=fz", "");
        };
    }

    private String invite(String transport, int fromPort, String sdp) {
        return request("INVITE", "sip:+390299000099@127.0.0.1", transport, fromPort, "", sdp);
    }

    private String badSdp() {
        List<String> bad = new ArrayList<>(List.of(
                "v=0\r\nm=audio -5 RTP/AVP 0\r\n",
                "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\nc=IN IP4 999.1.1.1\r\nm=audio 40000 RTP/AVP 300\r\n",
                "v=0\r\nc=IN IP6 ::zz\r\nm=audio 99999 RTP/AVP\r\n",
                "v=1\r\n" + "a=rtpmap:0 PCMU/8000\r\n".repeat(500),
                "m=audio 40000 RTP/AVP 0 0 0 0 0\r\nc=\r\n",
                "\0\0\0garbage\r\n"));
        return bad.get(random.nextInt(bad.size()));
    }

    private String request(String method, String uri, String transport, int fromPort, String toTag, String body) {
        long id = n;
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + fromPort + ";branch=z9hG4bK-fz-" + id + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:fuzz@127.0.0.1>;tag=f" + id + "\r\n"
                + "To: <sip:+390299000099@127.0.0.1>" + toTag + "\r\n"
                + "Call-ID: fuzz-" + id + "@127.0.0.1\r\n"
                + "CSeq: " + (1 + random.nextInt(1000)) + " " + method + "\r\n"
                + "Contact: <sip:fuzz@127.0.0.1:" + fromPort + ">\r\n"
                + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n\r\n" + body;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
