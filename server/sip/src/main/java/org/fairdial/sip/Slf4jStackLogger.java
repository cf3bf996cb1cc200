package org.fairdial.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the JAIN-SIP RI's own logging into SLF4J (logger {@code gov.nist}) instead of its log files. What the RI
 * reports at warning level and above is mostly bad input from the wire (a message without CSeq made it log a
 * NullPointerException trace per message: 28 KB of log per 1000 fuzzed messages), so under attack the log stays
 * bounded: no stack traces (the exception's class and message only), control bytes escaped, messages cut to
 * {@link #MAX_MESSAGE}, at most one line per kind of message per {@link LogLimiter#DEFAULT_INTERVAL_MILLIS} and
 * {@link #MAX_LINES_PER_INTERVAL} lines of all kinds together.
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("gov.nist");
    /**
     * The RI dumps whole receive buffers (64 KB as a byte list) into some messages; a flood of garbage must not
     * become a flood of log, so every message is cut to this length.
     */
    private static final int MAX_MESSAGE = 300;
    /**
     * Messages differing only after this many characters, or in their digits (ports, buffer hashes), count as
     * one kind for the rate limit.
     */
    private static final int KEY_LENGTH = 24;

    /** Lines of every kind together per interval (see {@link LineBudget}). */
    private static final int MAX_LINES_PER_INTERVAL = 6;

    private final LogLimiter limiter = new LogLimiter(LogLimiter.DEFAULT_INTERVAL_MILLIS, System::currentTimeMillis);
    private final LineBudget budget = new LineBudget(MAX_LINES_PER_INTERVAL, LogLimiter.DEFAULT_INTERVAL_MILLIS,
            System::currentTimeMillis);

    private static String clip(String message) {
        return LogLimiter.escape(message, MAX_MESSAGE);
    }

    /** A warning or worse, rate-limited per kind, with the exception reduced to one line. */
    private void limited(boolean error, String message, Throwable ex) {
        String text = message == null ? "" : message;
        Throwable cause = ex;
        String key = (cause == null ? "" : cause.getClass().getName() + ":")
                + text.substring(0, Math.min(text.length(), KEY_LENGTH)).replaceAll("[0-9]", "#");
        long suppressed = limiter.admit(key);
        if (suppressed < 0) {
            return;
        }
        long overBudget = budget.admit();
        if (overBudget < 0) {
            return;
        }
        String line = clip(text) + (cause == null ? "" : ": " + clip(cause.toString()))
                + (suppressed > 0 ? " (" + suppressed + " alike suppressed)" : "")
                + (overBudget > 0 ? " (" + overBudget + " other stack lines over the budget suppressed)" : "");
        if (error) {
            LOG.error(line);
        } else {
            LOG.warn(line);
        }
        if (cause != null && LOG.isDebugEnabled()) {
            LOG.debug("stack trace of the above", cause);
        }
    }

    @Override
    public void logStackTrace() {
        // the RI calls this for diagnostics only; a stack trace without a cause is noise in our logs
    }

    @Override
    public void logStackTrace(int traceLevel) {
        // as above
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        limited(false, "SIP stack exception", ex);
    }

    @Override
    public void logDebug(String message) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(clip(message));
        }
    }

    @Override
    public void logDebug(String message, Exception ex) {
        if (LOG.isDebugEnabled()) {
            LOG.debug(clip(message), ex);
        }
    }

    @Override
    public void logTrace(String message) {
        if (LOG.isTraceEnabled()) {
            LOG.trace(clip(message));
        }
    }

    @Override
    public void logFatalError(String message) {
        limited(true, message, null);
    }

    @Override
    public void logError(String message) {
        limited(true, message, null);
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isInfoEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel >= TRACE_TRACE) {
            return LOG.isTraceEnabled();
        }
        if (logLevel >= TRACE_DEBUG) {
            return LOG.isDebugEnabled();
        }
        if (logLevel >= TRACE_INFO) {
            // TRACE_MESSAGES is TRACE_INFO: the RI hands messages to the wire logger only when this says yes.
            return LOG.isInfoEnabled() || (logLevel == TRACE_MESSAGES && Slf4jServerLogger.enabled());
        }
        return LOG.isWarnEnabled();
    }

    @Override
    public void logError(String message, Exception ex) {
        limited(true, message, ex);
    }

    @Override
    public void logWarning(String message) {
        limited(false, message, null);
    }

    @Override
    public void logInfo(String message) {
        LOG.info(clip(message));
    }

    @Override
    public void disableLogging() {
        // levels are Logback's business
    }

    @Override
    public void enableLogging() {
        // levels are Logback's business
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        // not needed
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // not needed
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
