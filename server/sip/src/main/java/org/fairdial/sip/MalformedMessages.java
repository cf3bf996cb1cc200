package org.fairdial.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.concurrent.atomic.AtomicLong;
import org.fairdial.privacy.NumberMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts SIP messages the stack could not parse. The RI answers a broken request with 400 when it can and drops
 * the rest; this parser factory (installed through {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}) only counts
 * and logs them, rate-limited and with control bytes escaped, so a flood of garbage does not flood the log
 * either. The RI builds one per stack,
 * so the count is the stack's; the parser's reason quotes the broken line, so its numbers are masked.
 */
public final class MalformedMessages implements MessageParserFactory {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedMessages.class);
    private static final int MAX_REASON = 200;

    private final AtomicLong count = new AtomicLong();
    /** The parser does not know the sender: one line per kind of error (its exception class) per interval. */
    private final LogLimiter limiter = new LogLimiter(LogLimiter.DEFAULT_INTERVAL_MILLIS, System::currentTimeMillis);
    private volatile NumberMask mask = NumberMask.HIDDEN;

    /** Messages rejected by this stack's parsers since it started. */
    public long count() {
        return count.get();
    }

    /** The server's masking, given once the RI has built this factory. */
    void useMask(NumberMask numberMask) {
        this.mask = numberMask;
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return new CountingParser();
    }

    private final class CountingParser extends StringMsgParser {
        @Override
        public SIPMessage parseSIPMessage(byte[] msgBuffer, boolean readBody, boolean strict,
                                          ParseExceptionListener listener) throws ParseException {
            try {
                return super.parseSIPMessage(msgBuffer, readBody, strict, listener);
            } catch (ParseException | RuntimeException e) {
                long n = count.incrementAndGet();
                long suppressed = limiter.admit(e.getClass().getName());
                if (suppressed >= 0) {
                    LOG.warn("malformed SIP message dropped ({} so far, {} not logged): {}", n, suppressed,
                            LogLimiter.escape(mask.scrub(String.valueOf(e.getMessage())), MAX_REASON));
                }
                throw e instanceof ParseException pe ? pe : new ParseException(String.valueOf(e.getMessage()), 0);
            }
        }
    }
}
