package org.fairdial.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AES-GCM envelope: round trip, key ids, and every way a value fails to open with a clear error. */
class FieldCipherTest {
    static final byte[] K1 = filled(1);
    static final byte[] K2 = filled(2);

    static byte[] filled(int b) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) b);
        return key;
    }

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");
        String a = cipher.seal("cdr_leg.to_uri", "sip:+441632960001@trunk");
        String b = cipher.seal("cdr_leg.to_uri", "sip:+441632960001@trunk");
        assertTrue(a.startsWith("enc1:k1:"), a);
        assertFalse(a.contains("441632960001"), a);
        assertNotEquals(a, b, "a fresh nonce per value");
        assertEquals("sip:+441632960001@trunk", cipher.open("cdr_leg.to_uri", a));
        assertEquals("", cipher.open("x", cipher.seal("x", "")));
        assertNull(cipher.seal("x", null));
        assertNull(cipher.open("x", null));
        // Nonce (12) + tag (16) + plaintext bytes, in base64url without padding.
        assertEquals(12 + 16 + 5, Base64.getUrlDecoder().decode(cipher.seal("x", "hello").substring(8)).length);
    }

    @Test
    void plaintextOfBeforeEncryptionReadsAsItIs() {
        assertEquals("+441632960001", new FieldCipher(Map.of("k1", K1), "k1").open("lead_state.number_enc",
                "+441632960001"));
    }

    @Test
    void oldKeysStillReadAndNewWritesUseTheCurrentOne() {
        String old = new FieldCipher(Map.of("k1", K1), "k1").seal("p", "+441632960001");
        FieldCipher rotated = new FieldCipher(Map.of("k1", K1, "k2", K2), "k2");
        assertEquals("+441632960001", rotated.open("p", old));
        assertEquals("k2", FieldCipher.keyIdOf(rotated.seal("p", "+441632960001")));
    }

    @Test
    void wrongKeyTamperingOtherColumnAndUnknownKeyIdAreClearErrors() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", K1), "k1");
        String sealed = cipher.seal("campaign_lead.name", "Ada Lovelace");

        PersonalDataException wrongKey = assertThrows(PersonalDataException.class,
                () -> new FieldCipher(Map.of("k1", K2), "k1").open("campaign_lead.name", sealed));
        assertTrue(wrongKey.getMessage().contains("authentication failed"), wrongKey.getMessage());
        assertTrue(wrongKey.getMessage().contains("campaign_lead.name"), wrongKey.getMessage());

        char[] chars = sealed.toCharArray();
        int last = chars.length - 3;
        chars[last] = chars[last] == 'A' ? 'B' : 'A';
        assertThrows(PersonalDataException.class, () -> cipher.open("campaign_lead.name", new String(chars)));

        assertThrows(PersonalDataException.class, () -> cipher.open("campaign_lead.fields", sealed),
                "the column is associated data: an envelope moved to another column does not open");

        FieldCipher both = new FieldCipher(Map.of("k1", K1, "k2", K1), "k1");
        assertThrows(PersonalDataException.class,
                () -> both.open("campaign_lead.name", sealed.replace("enc1:k1:", "enc1:k2:")),
                "the key id is associated data too");

        PersonalDataException unknown = assertThrows(PersonalDataException.class,
                () -> new FieldCipher(Map.of("k9", K1), "k9").open("campaign_lead.name", sealed));
        assertTrue(unknown.getMessage().contains("key id 'k1'"), unknown.getMessage());
        assertFalse(unknown.getMessage().contains("Ada"), unknown.getMessage());

        assertThrows(PersonalDataException.class, () -> cipher.open("p", "enc1:k1:%%%"));
        assertThrows(PersonalDataException.class, () -> cipher.open("p", "enc1:k1:AAAA"));
    }

    @Test
    void rejectsBadKeys() {
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(Map.of("k1", new byte[16]), "k1"));
        assertThrows(IllegalArgumentException.class, () -> new FieldCipher(Map.of("k1", K1), "k2"));
    }

    @Test
    void blindIndexIsHmacSha256OfTheNumberUnderItsOwnKey() {
        // printf 'fairdial:number:+441632960001' | openssl dgst -sha256 -hmac "$(32 bytes of 0x01)" -binary
        //   | base64 | tr '+/' '-_' | tr -d '='
        assertEquals("ix1:Ui-8jhipa65h4g9OXDWibt1z9eEN6rYlyx0tw9gEHGk", new BlindIndex(K1).of("+441632960001"));
        assertNotEquals(new BlindIndex(K1).of("+441632960001"), new BlindIndex(K2).of("+441632960001"));
    }

    @Test
    void personalDataOffIsTheIdentityAndRefusesEnvelopes() {
        PersonalData off = PersonalData.PLAINTEXT;
        assertEquals("+441632960001", off.index("+441632960001"));
        assertEquals("Ada", off.seal("p", "Ada"));
        String sealed = new FieldCipher(Map.of("k1", K1), "k1").seal("p", "Ada");
        PersonalDataException e = assertThrows(PersonalDataException.class, () -> off.open("p", sealed));
        assertTrue(e.getMessage().contains("dialer.privacy.encryption is off"), e.getMessage());

        PersonalData on = PersonalData.encrypted(new FieldCipher(Map.of("k1", K1), "k1"), new BlindIndex(K2));
        assertEquals("hash:abc", on.index("hash:abc"), "an erased number's hash is already one-way");
        assertTrue(on.isCurrent(on.seal("p", "x")));
        assertFalse(on.isCurrent("x"));
    }
}
