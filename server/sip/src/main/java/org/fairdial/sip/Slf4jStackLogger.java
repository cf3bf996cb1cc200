package org.fairdial.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the JAIN-SIP RI's own logging into SLF4J (logger {@code gov.nist}) instead of its log files. */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("gov.nist");
    /**
     * The RI dumps whole receive buffers (64 KB as a byte list) into some messages; a flood of garbage must not
     * become a flood of log, so every message is cut to this length.
     */
    private static final int MAX_MESSAGE = 300;

    private static String clip(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE) + "... (" + message.length() + " chars)";
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
        LOG.warn("SIP stack exception", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(clip(message));
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(clip(message), ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(clip(message));
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(clip(message));
    }

    @Override
    public void logError(String message) {
        LOG.error(clip(message));
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
        LOG.error(clip(message), ex);
    }

    @Override
    public void logWarning(String message) {
        LOG.warn(clip(message));
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
