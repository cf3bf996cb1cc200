package org.fairdial.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Counts what every logger writes (lines and bytes, stack traces included) while it is open, with the RI's
 * logger at WARN (production keeps it at ERROR, so this is the stricter count).
 */
final class LogVolume extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong traces = new AtomicLong();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger stack = (Logger) LoggerFactory.getLogger("gov.nist");
    private final Level stackLevel = stack.getLevel();

    static LogVolume capture() {
        LogVolume volume = new LogVolume();
        volume.start();
        volume.stack.setLevel(Level.WARN);
        volume.root.addAppender(volume);
        return volume;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.INFO)) {
            return;
        }
        long size = event.getFormattedMessage().length() + event.getLoggerName().length() + 40;
        if (event.getThrowableProxy() != null) {
            traces.incrementAndGet();
            size += ThrowableProxyUtil.asString(event.getThrowableProxy()).length();
        }
        lines.incrementAndGet();
        bytes.addAndGet(size);
    }

    long lines() {
        return lines.get();
    }

    long bytes() {
        return bytes.get();
    }

    long traces() {
        return traces.get();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stack.setLevel(stackLevel);
        stop();
    }
}
