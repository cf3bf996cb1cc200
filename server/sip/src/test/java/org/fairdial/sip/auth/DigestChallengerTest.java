package org.fairdial.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import org.fairdial.sip.auth.DigestChallenger.NonceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Nonces that carry their issue time under an HMAC: fresh, stale, forged; and nonce-count replay. */
class DigestChallengerTest {
    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private Instant now = Instant.parse("2025-03-01T10:00:00Z");
    private final InstantSource clock = () -> now;
    private final DigestChallenger challenger = new DigestChallenger(clock, LIFETIME);

    /** Regression: two softphones challenged in the same millisecond got the same nonce, so the second one's
     * first nonce count (1) was refused as a replay of the first one's and its REGISTER got 403. */
    @Test
    void noncesIssuedInTheSameMillisecondDifferAndEachAcceptsItsFirstCount() {
        String first = challenger.newNonce();
        String second = challenger.newNonce();
        assertNotEquals(first, second);
        assertTrue(challenger.acceptNonceCount(first, 1));
        assertTrue(challenger.acceptNonceCount(second, 1));
        assertEquals(DigestChallenger.NonceStatus.VALID, challenger.check(second));
    }

    @Test
    void freshNonceIsValid() {
        assertEquals(NonceStatus.VALID, challenger.check(challenger.newNonce()));
    }

    @Test
    void nonceIsValidUpToItsLifetimeAndStaleAfter() {
        String nonce = challenger.newNonce();
        now = now.plus(LIFETIME);
        assertEquals(NonceStatus.VALID, challenger.check(nonce));
        now = now.plusMillis(1);
        assertEquals(NonceStatus.STALE, challenger.check(nonce));
        assertEquals(NonceStatus.VALID, challenger.check(challenger.newNonce()), "a new one is fresh again");
    }

    /** A clock stepped back makes a nonce look issued in the future: challenge again, without asking the user. */
    @Test
    void nonceFromTheFutureIsStale() {
        String nonce = challenger.newNonce();
        now = now.minusSeconds(1);
        assertEquals(NonceStatus.STALE, challenger.check(nonce));
    }

    @Test
    void noncesDifferAsTimePasses() {
        String first = challenger.newNonce();
        now = now.plusMillis(1);
        assertNotEquals(first, challenger.newNonce());
    }

    @Test
    void nonceIsUrlSafeWithoutPadding() {
        assertTrue(challenger.newNonce().matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void tamperedHmacIsInvalid() {
        String token = decode(challenger.newNonce());
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(NonceStatus.INVALID, challenger.check(encode(forged)));
    }

    /** Moving the issue time forward to extend a nonce breaks its HMAC. */
    @Test
    void tamperedIssueTimeIsInvalid() {
        String token = decode(challenger.newNonce());
        String hmac = token.substring(token.indexOf(':'));
        String extended = (now.toEpochMilli() + LIFETIME.toMillis()) + hmac;
        now = now.plus(LIFETIME).plusSeconds(1);
        assertEquals(NonceStatus.INVALID, challenger.check(encode(extended)));
    }

    @Test
    void nonceOfAnotherServerIsInvalid() {
        DigestChallenger other = new DigestChallenger(clock, LIFETIME);
        assertEquals(NonceStatus.INVALID, challenger.check(other.newNonce()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not a nonce!", "%%%", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "YWJj", "OmFiYw",
            "MTc0MDgyMzIwMDAwMDo", "eHl6OmFiYw"})
    void garbageIsInvalid(String nonce) {
        // YWJj = "abc" (no colon), OmFiYw = ":abc" (no time), MTc0...Mo = "1740823200000:" (no HMAC),
        // eHl6OmFiYw = "xyz:abc".
        assertEquals(NonceStatus.INVALID, challenger.check(nonce));
    }

    @Test
    void nonceCountMustGrow() {
        String nonce = challenger.newNonce();
        assertTrue(challenger.acceptNonceCount(nonce, 1));
        assertFalse(challenger.acceptNonceCount(nonce, 1), "replayed Authorization");
        assertTrue(challenger.acceptNonceCount(nonce, 2));
        assertFalse(challenger.acceptNonceCount(nonce, 1), "older count");
        assertTrue(challenger.acceptNonceCount(nonce, 7), "counts may skip");
        assertFalse(challenger.acceptNonceCount(nonce, 7));
    }

    @Test
    void nonceCountsAreKeptPerNonce() {
        String first = challenger.newNonce();
        now = now.plusMillis(1);
        String second = challenger.newNonce();
        assertTrue(challenger.acceptNonceCount(first, 3));
        assertTrue(challenger.acceptNonceCount(second, 1));
        assertFalse(challenger.acceptNonceCount(first, 2));
    }

    private static String decode(String nonce) {
        return new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
    }

    private static String encode(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.US_ASCII));
    }
}
