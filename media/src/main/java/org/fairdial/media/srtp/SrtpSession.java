package org.fairdial.media.srtp;

import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import org.fairdial.media.sdp.CryptoAttribute;
import org.fairdial.media.sdp.SrtpSuite;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * The SRTP state of one leg: our key protects what the leg sends, the peer's key unprotects what it receives
 * (RFC 4568: each side announces the key it sends with). One RFC 3711 context per SSRC and direction, each with
 * its own rollover counter (ROC) and, on receive, a replay window (RFC 3711 section 3.3.2), all in jitsi-srtp.
 *
 * <p>Not thread-safe: confined to the leg's event loop.
 */
public final class SrtpSession {
    /** SSRCs tracked on receive; more means someone is spraying SSRCs at us, and the extra packets are dropped. */
    static final int MAX_RECEIVE_SSRCS = 8;
    private static final int AUTH_KEY_LENGTH = 20;
    /** The E flag and SRTCP index after the compound packet (RFC 3711 section 3.4). */
    private static final int SRTCP_INDEX_LENGTH = 4;
    /** SRTCP's tag is 80 bits for both suites (RFC 4568 section 6.2). */
    private static final int SRTCP_TAG_LENGTH = 10;
    private static final LoggerImpl JITSI_LOG = new LoggerImpl(SrtpSession.class.getName());

    static {
        // Left to itself, jitsi-srtp benchmarks every AES provider on first use (seconds of CPU, on whichever
        // event loop gets the first packet). The JDK's SunJCE AES is AES-NI accelerated: take it outright.
        Aes.setFactoryClassName(Aes.class.getName() + "$SunJCECipherFactory");
    }

    private final CryptoAttribute local;
    private final CryptoAttribute remote;
    private final SrtpContextFactory sending;
    private final SrtpContextFactory receiving;
    private final Map<Integer, SrtpCryptoContext> sendContexts = new HashMap<>();
    private final Map<Integer, SrtpCryptoContext> receiveContexts = new HashMap<>();
    private final Map<Integer, SrtcpCryptoContext> sendControl = new HashMap<>();
    private final Map<Integer, SrtcpCryptoContext> receiveControl = new HashMap<>();

    /** What became of a packet given to {@link #unprotect}. */
    public enum Verdict {
        /** Authenticated and decrypted: the buffer holds the RTP packet. */
        OK,
        /** The tag did not verify (wrong key, forged or corrupted): drop. */
        AUTH_FAILED,
        /** Seen before, or older than the replay window: drop. */
        REPLAYED,
        /** Too short to be SRTP, or from one SSRC too many: drop. */
        INVALID
    }

    /**
     * @param local  our a=crypto line (our sending key)
     * @param remote the peer's a=crypto line (its sending key); must be of the same suite
     */
    public SrtpSession(CryptoAttribute local, CryptoAttribute remote) {
        if (local.suite() != remote.suite()) {
            throw new IllegalArgumentException("suites differ: " + local + " / " + remote);
        }
        this.local = local;
        this.remote = remote;
        SrtpPolicy srtcp = policy(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
        this.sending = new SrtpContextFactory(true, local.masterKey(), local.masterSalt(), policy(local.suite()),
                srtcp, JITSI_LOG);
        this.receiving = new SrtpContextFactory(false, remote.masterKey(), remote.masterSalt(),
                policy(remote.suite()), srtcp, JITSI_LOG);
    }

    /**
     * Initialises jitsi-srtp's ciphers and MACs (native library probe, provider lookups: seconds on a loaded
     * machine) on the calling thread, once per JVM, so that the first packet of the first SRTP leg does not stall
     * an event loop. Idempotent and cheap after the first call.
     */
    public static void warmUp() {
        WarmUp.DONE.hashCode();
    }

    /** Holder idiom: the JVM runs the warm-up once, and every other caller waits for it. */
    private static final class WarmUp {
        static final Boolean DONE = run();

        private static Boolean run() {
            CryptoAttribute a = CryptoAttribute.generate(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80);
            SrtpSession sending = new SrtpSession(a, a);
            byte[] rtp = new byte[12 + 160];
            rtp[0] = (byte) 0x80;
            try {
                PacketBuffer srtp = sending.protect(rtp, rtp.length);
                new SrtpSession(a, a).unprotect(srtp);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SRTP does not work in this JVM", e);
            }
            sending.close();
            return Boolean.TRUE;
        }
    }

    /** Our line. */
    public CryptoAttribute local() {
        return local;
    }

    /** The peer's line. */
    public CryptoAttribute remote() {
        return remote;
    }

    /** Bytes an SRTP packet has more than its RTP packet (the tag; no MKI). */
    public int overhead() {
        return local.suite().tagLength();
    }

    /**
     * Encrypts and authenticates the RTP packet in {@code packet[0, length)}.
     *
     * @return the SRTP packet (possibly a new array) and its length
     */
    public PacketBuffer protect(byte[] packet, int length) throws GeneralSecurityException {
        PacketBuffer buffer = new PacketBuffer(packet, length);
        SrtpCryptoContext context = context(sendContexts, ssrc(packet), false, s -> sending.deriveContext(s, 0));
        return sealed(context.transformPacket(buffer), buffer, "SRTP");
    }

    /** Verifies and decrypts the SRTP packet in {@code buffer}, in place: on OK its length is the RTP packet's. */
    public Verdict unprotect(PacketBuffer buffer) {
        if (buffer.getLength() < 12 + overhead()) {
            return Verdict.INVALID;
        }
        try {
            SrtpCryptoContext context = context(receiveContexts, ssrc(buffer.getBuffer()), true,
                    s -> receiving.deriveContext(s, 0));
            return context == null ? Verdict.INVALID : verdict(context.reverseTransformPacket(buffer, false));
        } catch (GeneralSecurityException | RuntimeException e) {
            // A cipher failure on one packet must not cost the leg: drop the packet.
            return Verdict.INVALID;
        }
    }

    /**
     * Encrypts and authenticates the RTCP compound packet in {@code packet[0, length)} as SRTCP (RFC 3711 section
     * 3.4: E flag and index appended, then an 80-bit tag whatever the SRTP suite, RFC 4568 section 6.2).
     */
    public PacketBuffer protectRtcp(byte[] packet, int length) throws GeneralSecurityException {
        if (length < 8) {
            throw new GeneralSecurityException("RTCP packet of " + length + " bytes is too short to protect");
        }
        PacketBuffer buffer = new PacketBuffer(packet, length);
        SrtcpCryptoContext context = context(sendControl, rtcpSsrc(packet), false, sending::deriveControlContext);
        return sealed(context.transformPacket(buffer), buffer, "SRTCP");
    }

    /** Verifies and decrypts the SRTCP packet in {@code buffer}, in place: on OK it holds the RTCP compound. */
    public Verdict unprotectRtcp(PacketBuffer buffer) {
        if (buffer.getLength() < 8 + SRTCP_INDEX_LENGTH + SRTCP_TAG_LENGTH) {
            return Verdict.INVALID;
        }
        try {
            SrtcpCryptoContext context = context(receiveControl, rtcpSsrc(buffer.getBuffer()), true,
                    receiving::deriveControlContext);
            return context == null ? Verdict.INVALID : verdict(context.reverseTransformPacket(buffer));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Verdict.INVALID;
        }
    }

    /** Derives a context per SSRC; {@link #MAX_RECEIVE_SSRCS} at most on receive (else null: someone sprays). */
    private static <C> C context(Map<Integer, C> contexts, int ssrc, boolean receiving, Derive<C> derive)
            throws GeneralSecurityException {
        C context = contexts.get(ssrc);
        if (context == null) {
            if (receiving && contexts.size() >= MAX_RECEIVE_SSRCS) {
                return null;
            }
            context = derive.of(ssrc);
            contexts.put(ssrc, context);
        }
        return context;
    }

    /** jitsi-srtp's two context types share no interface: how either derives the context of one SSRC. */
    @FunctionalInterface
    private interface Derive<C> {
        C of(int ssrc) throws GeneralSecurityException;
    }

    private static PacketBuffer sealed(SrtpErrorStatus status, PacketBuffer buffer, String what)
            throws GeneralSecurityException {
        if (status != SrtpErrorStatus.OK) {
            throw new GeneralSecurityException(what + " protect failed: " + status.desc);
        }
        return buffer;
    }

    private static Verdict verdict(SrtpErrorStatus status) {
        return switch (status) {
            case OK -> Verdict.OK;
            case AUTH_FAIL -> Verdict.AUTH_FAILED;
            case REPLAY_FAIL, REPLAY_OLD -> Verdict.REPLAYED;
            default -> Verdict.INVALID;
        };
    }

    /** Releases the contexts (their keys are cleared). */
    public void close() {
        sending.close();
        receiving.close();
    }

    /** jitsi-srtp's description of a suite (SRTCP uses the 80-bit one whatever the SRTP suite). */
    private static SrtpPolicy policy(SrtpSuite suite) {
        return new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, SrtpSuite.KEY_LENGTH, SrtpPolicy.HMACSHA1_AUTHENTICATION,
                AUTH_KEY_LENGTH, suite.tagLength(), SrtpSuite.SALT_LENGTH);
    }

    /** The sender SSRC of an RTCP packet: the word after the first header. */
    private static int rtcpSsrc(byte[] packet) {
        return (packet[4] & 0xff) << 24 | (packet[5] & 0xff) << 16 | (packet[6] & 0xff) << 8 | packet[7] & 0xff;
    }

    private static int ssrc(byte[] packet) {
        return (packet[8] & 0xff) << 24 | (packet[9] & 0xff) << 16 | (packet[10] & 0xff) << 8 | packet[11] & 0xff;
    }
}
