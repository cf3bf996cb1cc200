package org.fairdial.cdr.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.fairdial.config.ConfigProblem;
import org.fairdial.config.ConfigValidationException;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.config.ToolConfig;
import org.fairdial.ports.StoreException;
import org.fairdial.privacy.PersonalData;
import org.fairdial.storage.AuditEntry;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcAuditRepository;
import org.fairdial.storage.KeyRotation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** What the store tools share: reading the configuration, quiet logging on stderr, time arguments. */
final class ToolSupport {
    private ToolSupport() {
    }

    /**
     * Loads the tool part of the configuration; prints the problems and returns null when it is invalid. Logs go
     * to stderr, warnings and errors only, so an export on stdout stays clean.
     */
    static ToolConfig load(Path file) {
        quietLogging();
        try {
            ToolConfig config = DialerConfigLoader.loadForTools(file);
            return config;
        } catch (ConfigValidationException e) {
            System.err.println(file + ": " + e.problems().size() + " problem(s):");
            for (ConfigProblem problem : e.problems()) {
                System.err.println("  " + problem.format());
            }
            return null;
        }
    }

    /**
     * Opens the store the configuration names, its personal values kept as {@code dialer.privacy.encryption}
     * says (the keys read from the environment).
     */
    static Database open(ToolConfig config) {
        Database db = Database.open(config.store(), PersonalData.from(config.privacy().encryption(), System::getenv));
        if (!db.personalData().enabled()) {
            List<String> encrypted = KeyRotation.tablesKeyedByIndex(db.dataSource());
            if (!encrypted.isEmpty()) {
                db.close();
                // An erasure or a lookup in clear would silently miss every number kept by its blind index.
                throw new StoreException("the store holds numbers encrypted at rest (" + encrypted + ") but "
                        + "dialer.privacy.encryption is off in this configuration (docs/security.md)", null);
            }
        }
        return db;
    }

    /**
     * With encryption at rest on, writes an admin audit row for a command that printed decrypted numbers: whoever
     * holds the keys and the store may read it, the audit says who did (the OS user), and what.
     */
    static void auditDecrypted(Database db, String action, String detail) {
        if (db.personalData().enabled()) {
            new JdbcAuditRepository(db).insert(new AuditEntry(UUID.randomUUID(), Instant.now(),
                    System.getProperty("user.name", "-"), "operator", action, 0, null, detail));
        }
    }

    private static void quietLogging() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
                console.stop();
                console.setTarget("System.err");
                console.start();
            }
        }
        context.getLogger("org.fairdial").setLevel(Level.WARN);
    }

    /** Parses {@code 2025-03-04} (midnight UTC) or an ISO-8601 instant or offset date-time. */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date (2025-03-04) or a time"
                        + " with offset (2025-03-04T09:00:00Z, 2025-03-04T10:00:00+01:00)");
            }
        }
    }
}
