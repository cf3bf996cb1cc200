package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamParserFailuresTest {
    private final AtomicLong now = new AtomicLong();
    private final List<Throwable> delegated = new ArrayList<>();
    private final StreamParserFailures handler = new StreamParserFailures((t, e) -> delegated.add(e),
            new LogLimiter(10_000, now::get));

    @Test
    void parserThreadDeathsAreCountedNotDelegated() throws Exception {
        long before = StreamParserFailures.count();
        for (int i = 0; i < 50; i++) {
            die("PipelineThread-" + i, new RuntimeException("Max content size Exceeded! :99999999"));
        }
        assertEquals(50, StreamParserFailures.count() - before);
        assertEquals(List.of(), delegated);
    }

    @Test
    void otherThreadsAndErrorsGoToThePreviousHandler() throws Exception {
        RuntimeException elsewhere = new IllegalStateException("campaign loop");
        OutOfMemoryError oom = new OutOfMemoryError("heap");
        die("dialer-1", elsewhere);
        die("PipelineThread-7", oom);
        assertEquals(2, delegated.size());
        assertSame(elsewhere, delegated.get(0));
        assertSame(oom, delegated.get(1));
    }

    private void die(String name, Throwable failure) throws InterruptedException {
        Thread thread = new Thread(() -> {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) failure;
        }, name);
        thread.setUncaughtExceptionHandler(handler);
        thread.start();
        thread.join();
    }
}
