package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload cannot swap the store's keys: an encryption change is reported as needing a restart and not applied. */
class EncryptionReloadTest {
    @TempDir
    Path dir;

    @Test
    void encryptionChangesNeedARestart() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        Map<String, String> env = Map.of("K1", key, "IX", key);
        DialerConfig off = DialerConfigLoader.fromConfig(
                ConfigFactory.parseString("dialer.privacy.log-visible-digits = 3"), dir, env::get);
        DialerConfig on = DialerConfigLoader.fromConfig(ConfigFactory.parseString("""
                dialer.privacy.log-visible-digits = 2
                dialer.privacy.encryption { enabled = true, keys { k1 = K1 }, current-key-id = k1, index-key-env = IX }
                """), dir, env::get);
        List<String> changes = ConfigDiff.between(off, on);
        assertTrue(changes.contains("needs a restart, not applied: dialer.privacy.encryption"), changes.toString());
        assertTrue(changes.contains("changed: dialer.privacy (logVisibleDigits)"), changes.toString());
        assertEquals(List.of("dialer.privacy.encryption"), ConfigDiff.restartOnly(off, on));
        DialerConfig applied = on.keepingRestartOnlyFrom(off);
        assertFalse(applied.privacy().encryption().enabled(), "the running store's setting stays");
        assertEquals(2, applied.privacy().logVisibleDigits(), "the rest of privacy is applied");
    }
}
