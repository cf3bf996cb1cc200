package org.fairdial.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every SIP message sent or received to logger {@code org.fairdial.sip.wire} at TRACE (off by default:
 * messages carry phone numbers, so they are logged only when an engineer turns this on to debug).
 */
public final class Slf4jServerLogger implements ServerLogger {
    private static final Logger WIRE = LoggerFactory.getLogger("org.fairdial.sip.wire");

    @Override
    public void closeLogFile() {
        // nothing to close
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        if (WIRE.isTraceEnabled()) {
            WIRE.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message.encode());
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
