package org.fairdial.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The keyed one-way hash: HMAC-SHA256, checked against a value computed independently. */
class NumberHasherTest {

    @Test
    void isHmacSha256OfTheE164NumberInLowercaseHex() {
        // printf '+390212345678' | openssl dgst -sha256 -hmac 'fairdial-test-key-0001'
        NumberHasher hasher = new NumberHasher("fairdial-test-key-0001".getBytes(StandardCharsets.UTF_8));
        assertEquals("d32809bc1c8c8794ee1ef8b32d7f0bf65a491c15844744b2bb98c72c4ccba43b",
                hasher.hash("+390212345678"));
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        assertNotEquals(new NumberHasher("fairdial-test-key-0001".getBytes(StandardCharsets.UTF_8)).hash("+39021"),
                new NumberHasher("fairdial-test-key-0002".getBytes(StandardCharsets.UTF_8)).hash("+39021"));
        assertThrows(IllegalArgumentException.class, () -> new NumberHasher(new byte[8]));
    }
}
