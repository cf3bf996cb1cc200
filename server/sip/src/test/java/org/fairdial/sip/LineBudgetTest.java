package org.fairdial.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LineBudgetTest {
    @Test
    void letsTheBudgetThroughPerIntervalAndSaysHowManyItDroppedOnTheNextLine() {
        AtomicLong now = new AtomicLong(1_000);
        LineBudget budget = new LineBudget(3, 10_000, now::get);
        assertEquals(0, budget.admit());
        assertEquals(0, budget.admit());
        assertEquals(0, budget.admit());
        for (int i = 0; i < 5; i++) {
            assertEquals(-1, budget.admit(), "over the budget: line " + (4 + i));
        }
        now.addAndGet(9_999);
        assertEquals(-1, budget.admit(), "the interval is not over");
        now.addAndGet(1);
        assertEquals(6, budget.admit(), "the first line of the next interval says six were dropped");
        assertEquals(0, budget.admit(), "and only it");
    }
}
