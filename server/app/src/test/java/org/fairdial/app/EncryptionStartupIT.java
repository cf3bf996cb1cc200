package org.fairdial.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.fairdial.cdr.Disposition;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.ports.DoNotCallEntries;
import org.fairdial.ports.DoNotCallSource;
import org.fairdial.ports.StoreException;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PersonalData;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcDoNotCallRepository;
import org.fairdial.storage.KeyRotation;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's store side with encryption at rest turned on over a store written in clear: it refuses to start,
 * naming rotate-keys, and starts once rotate-keys has encrypted the rows; with encryption turned off over numbers
 * kept by their blind index it refuses too. Keys from the environment (app/pom.xml).
 */
class EncryptionStartupIT {

    @TempDir
    Path dir;

    @Test
    void refusesNumbersInClearUntilRotateKeysHasRunAndEncryptedNumbersWithEncryptionOff() throws Exception {
        DialerConfig config = DialerConfigLoader.fromConfig(ConfigFactory.parseString("""
                dialer.store.jdbc-url = "jdbc:h2:file:%s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                dialer.store.journal.directory = "%s"
                dialer.privacy.encryption {
                  enabled = true
                  keys { k1 = FAIRDIAL_TEST_DATA_KEY_1 }
                  current-key-id = k1
                  index-key-env = FAIRDIAL_TEST_INDEX_KEY
                }
                """.formatted(dir.resolve("store"), dir.resolve("journal"))), dir);
        try (Database plain = Database.open(config.store())) {
            new JdbcCdrRepository(plain).insertBatch(List.of(TestLegs.distinct("c", UUID.randomUUID(),
                    UUID.randomUUID(), "+441632960001", TestLegs.T0)));
        }
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor();
        try {
            StoreException refused = assertThrows(StoreException.class,
                    () -> StoreStack.open(config, NumberMask.DEFAULT, InstantSource.system(), housekeeping));
            assertTrue(refused.getMessage().contains("{cdr_leg=1}"), refused.getMessage());
            assertTrue(refused.getMessage().contains("dialer privacy rotate-keys"), refused.getMessage());

            PersonalData keys = PersonalData.from(config.privacy().encryption(), System::getenv);
            try (Database encrypted = Database.open(config.store(), keys)) {
                assertEquals(1, new KeyRotation(encrypted).rotate(100).total());
            }
            try (StoreStack stack = StoreStack.open(config, NumberMask.DEFAULT, InstantSource.system(),
                    housekeeping)) {
                assertEquals(Disposition.ANSWERED, stack.cdrs.find(TestLegs.T0.minusSeconds(1),
                        TestLegs.T0.plusSeconds(1), "c", "+441632960001", 10).get(0).disposition());
            }

            // And the other way: encryption turned off over numbers kept by their blind index is refused too.
            try (Database encrypted = Database.open(config.store(), keys)) {
                new JdbcDoNotCallRepository(encrypted, NumberMask.DEFAULT).add("+441632960001",
                        DoNotCallEntries.INTERNAL, DoNotCallSource.API, null, TestLegs.T0);
            }
            DialerConfig off = DialerConfigLoader.fromConfig(ConfigFactory.parseString("""
                    dialer.store.jdbc-url = "jdbc:h2:file:%s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                    dialer.store.journal.directory = "%s"
                    """.formatted(dir.resolve("store"), dir.resolve("journal"))), dir);
            StoreException offRefused = assertThrows(StoreException.class,
                    () -> StoreStack.open(off, NumberMask.DEFAULT, InstantSource.system(), housekeeping));
            assertTrue(offRefused.getMessage().contains("[do_not_call]"), offRefused.getMessage());
            assertTrue(offRefused.getMessage().contains("dialer.privacy.encryption is off"), offRefused.getMessage());
        } finally {
            housekeeping.shutdownNow();
        }
    }
}
