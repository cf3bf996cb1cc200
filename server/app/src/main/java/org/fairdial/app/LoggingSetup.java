package org.fairdial.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import java.util.Map;
import org.fairdial.config.LoggingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code dialer.logging} to Logback at start-up and on reload: per-logger levels, and the JSON encoder on
 * the console appender when asked for.
 */
final class LoggingSetup {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingSetup.class);

    private LoggingSetup() {
    }

    static void apply(LoggingConfig config) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: its own configuration rules
        }
        for (Map.Entry<String, String> level : config.levels().entrySet()) {
            context.getLogger(level.getKey()).setLevel(Level.toLevel(level.getValue()));
        }
        if ("json".equals(config.format())) {
            useJson(context);
        }
        if (!config.levels().isEmpty()) {
            LOG.info("log levels: {}", config.levels());
        }
    }

    private static void useJson(LoggerContext context) {
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
                    && !(appender.getEncoder() instanceof JsonEncoder)) {
                JsonEncoder json = new JsonEncoder();
                json.setContext(context);
                json.start();
                appender.stop();
                appender.setEncoder(json);
                appender.start();
            }
        }
    }
}
