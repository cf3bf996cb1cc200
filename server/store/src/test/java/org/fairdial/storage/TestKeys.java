package org.fairdial.storage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fairdial.privacy.BlindIndex;
import org.fairdial.privacy.FieldCipher;
import org.fairdial.privacy.PersonalData;

/** Fixed test keys for encryption at rest: data keys k1, k2 (bytes 1 and 2 repeated), index key (bytes 9). */
public final class TestKeys {
    private TestKeys() {
    }

    public static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    /** Encryption on with the named data keys (k1, k2), new writes under {@code current}. */
    public static PersonalData encrypted(String current, String... keyIds) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String id : keyIds) {
            keys.put(id, key(Integer.parseInt(id.substring(1))));
        }
        return PersonalData.encrypted(new FieldCipher(keys, current), new BlindIndex(key(9)));
    }
}
