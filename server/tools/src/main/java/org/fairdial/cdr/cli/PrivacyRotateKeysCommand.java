package org.fairdial.cdr.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fairdial.config.ToolConfig;
import org.fairdial.storage.Database;
import org.fairdial.storage.KeyRotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dialer privacy rotate-keys}: re-encrypts every personal value under the current data key, and encrypts
 * the numbers a store held in clear before encryption was turned on (docs/operations.md).
 */
@Command(name = "rotate-keys", mixinStandardHelpOptions = true,
        description = "Re-encrypt personal data under dialer.privacy.encryption.current-key-id (rows of older keys,"
        + " and rows written in clear before encryption was on), in batches; safe to stop and run again.")
final class PrivacyRotateKeysCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, defaultValue = "config/dialer.conf",
            description = "configuration file naming the store and the keys (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--batch-size", defaultValue = "1000",
            description = "rows per transaction, 1..100000 (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Override
    public Integer call() {
        ToolConfig config = ToolSupport.load(file);
        if (config == null) {
            return 1;
        }
        if (!config.privacy().encryption().enabled()) {
            System.err.println(file + ": dialer.privacy.encryption.enabled is false: nothing to encrypt with");
            return 2;
        }
        if (batchSize < 1 || batchSize > 100_000) {
            System.err.println("--batch-size must be 1..100000, got " + batchSize);
            return 2;
        }
        try (Database db = ToolSupport.open(config)) {
            KeyRotation rotation = new KeyRotation(db);
            KeyRotation.Result r = rotation.rotate(batchSize);
            r.rewritten().forEach((table, n) -> System.out.printf("%s: %d row(s) rewritten%n", table, n));
            Map<String, Long> left = rotation.plaintextRows();
            System.out.printf("%d row(s) now under key %s; numbers in clear left: %s%n", r.total(),
                    config.privacy().encryption().currentKeyId(), left.isEmpty() ? "none" : left);
            return left.isEmpty() ? 0 : 1;
        }
    }
}
