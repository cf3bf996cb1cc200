package org.fairdial.sip;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RI parses each TCP and TLS connection on a thread of its own ({@code PipelineThread-N}) and lets that thread
 * die on input it cannot frame, e.g. a Content-Length over {@code MAX_MESSAGE_SIZE} (SipFuzzIT sends them): the
 * JVM would print the stack trace to stderr, unbounded and unmasked. This process-wide handler turns such deaths
 * into a count and one log line per interval without a trace; the connection itself is left to the read timeout
 * and the per-source connection cap. Other threads' failures go to the handler that was there before, or are
 * logged with their trace.
 */
final class StreamParserFailures implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamParserFailures.class);
    private static final String PARSER_THREAD = "PipelineThread-";
    private static final int MAX_REASON = 200;
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicLong COUNT = new AtomicLong();

    private final Thread.UncaughtExceptionHandler previous;
    private final LogLimiter limiter;

    StreamParserFailures(Thread.UncaughtExceptionHandler previous, LogLimiter limiter) {
        this.previous = previous;
        this.limiter = limiter;
    }

    /** Installs the handler once per process, in front of whatever default handler there was. */
    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Thread.setDefaultUncaughtExceptionHandler(new StreamParserFailures(
                    Thread.getDefaultUncaughtExceptionHandler(),
                    new LogLimiter(LogLimiter.DEFAULT_INTERVAL_MILLIS, System::currentTimeMillis)));
        }
    }

    /** Stream parser threads that gave up on their connection since the process started. */
    static long count() {
        return COUNT.get();
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        if (!thread.getName().startsWith(PARSER_THREAD) || failure instanceof Error) {
            if (previous != null) {
                previous.uncaughtException(thread, failure);
            } else {
                LOG.error("thread {} died", thread.getName(), failure);
            }
            return;
        }
        long n = COUNT.incrementAndGet();
        long suppressed = limiter.admit(failure.getClass().getName());
        if (suppressed >= 0) {
            LOG.warn("SIP stream parser gave up on a TCP/TLS connection ({} so far, {} not logged): {}", n,
                    suppressed, LogLimiter.escape(String.valueOf(failure.getMessage()), MAX_REASON));
        }
    }
}
