package org.fairdial.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.fairdial.privacy.NumberMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every SIP message sent or received to logger {@code org.fairdial.sip.wire} at TRACE (off by default,
 * for an engineer to turn on to debug), with the phone numbers masked as in every other log ({@link WireMask}).
 *
 * <p>The RI builds this class by name ({@code gov.nist.javax.sip.SERVER_LOGGER}), so {@link SipEndpoint} hands
 * it the server's mask once the stack exists; until then no digit is shown.
 */
public final class Slf4jServerLogger implements ServerLogger {
    private static final Logger WIRE = LoggerFactory.getLogger("org.fairdial.sip.wire");

    private volatile NumberMask mask;

    /** For the RI, which builds its server logger by class name. */
    public Slf4jServerLogger() {
        this(NumberMask.HIDDEN);
    }

    public Slf4jServerLogger(NumberMask mask) {
        this.mask = mask;
    }

    /** Whether {@code org.fairdial.sip.wire} is at TRACE (the RI asks its stack logger before it logs a message). */
    static boolean enabled() {
        return WIRE.isTraceEnabled();
    }

    /** The server's masking, given once the RI has built this logger. */
    void useMask(NumberMask numberMask) {
        this.mask = numberMask;
    }

    @Override
    public void closeLogFile() {
        // nothing to close
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        if (WIRE.isTraceEnabled()) {
            WIRE.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, WireMask.mask(message.encode(), mask));
        }
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        logMessage(message, from, to, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, sender, 0);
    }

    @Override
    public void logException(Exception ex) {
        WIRE.debug("SIP stack exception", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // not needed
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed
    }
}
