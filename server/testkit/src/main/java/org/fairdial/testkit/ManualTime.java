package org.fairdial.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A clock and a scheduler that only move when a test says so: {@link #advance} moves the time and runs, on the
 * caller's thread and in due order, every task that has come due. No sleeps, no threads.
 */
public final class ManualTime extends AbstractExecutorService implements ScheduledExecutorService, InstantSource {
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order));
    private volatile Instant now;
    private long submitted;
    private boolean shutdown;

    public ManualTime(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves the time forward by {@code step}, running each task when its due time is reached. */
    public void advance(Duration step) {
        Instant target = now.plus(step);
        Task next;
        while ((next = queue.peek()) != null && !next.due.isAfter(target)) {
            queue.poll();
            now = next.due;
            if (!next.cancelled) {
                next.done = true;
                next.task.run();
            }
        }
        now = target;
    }

    /** Delays of the tasks still waiting, from now, in due order. */
    public List<Duration> pending() {
        List<Task> tasks = new ArrayList<>(queue);
        tasks.sort(queue.comparator());
        return tasks.stream().filter(t -> !t.cancelled).map(t -> Duration.between(now, t.due)).toList();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, now.plusNanos(Math.max(0, unit.toNanos(delay))), submitted++);
        queue.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the code under test");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the code under test");
    }

    /**
     * As {@link java.util.concurrent.ScheduledThreadPoolExecutor} does it: each run is scheduled {@code delay}
     * after the previous one ends, and a run that throws suppresses every later one (the exception is kept in the
     * future, not thrown at the caller of {@link #advance}), so tests see a periodic task die as it would.
     */
    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        if (delay <= 0) {
            throw new IllegalArgumentException("delay must be positive: " + delay);
        }
        Periodic periodic = new Periodic(command, unit.toNanos(delay));
        periodic.next = schedule(periodic, initialDelay, unit);
        return periodic;
    }

    /** Runs at the current time on the next {@link #advance}, after tasks already due. */
    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = queue.stream().map(t -> t.task).toList();
        queue.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    /** A fixed-delay task: reschedules itself after each run that returns normally. */
    private final class Periodic implements Runnable, ScheduledFuture<Object> {
        final Runnable command;
        final long delayNanos;
        ScheduledFuture<?> next;
        RuntimeException failure;
        boolean cancelled;

        Periodic(Runnable command, long delayNanos) {
            this.command = command;
            this.delayNanos = delayNanos;
        }

        @Override
        public void run() {
            try {
                command.run();
            } catch (RuntimeException e) {
                failure = e;
                return;
            }
            if (!cancelled) {
                next = schedule(this, delayNanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return next.getDelay(unit);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (isDone()) {
                return false;
            }
            cancelled = true;
            next.cancel(false);
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled || failure != null;
        }

        @Override
        public Object get() throws ExecutionException {
            if (failure != null) {
                throw new ExecutionException(failure);
            }
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws ExecutionException {
            return get();
        }
    }

    private final class Task implements ScheduledFuture<Object> {
        final Runnable task;
        final Instant due;
        final long order;
        boolean cancelled;
        boolean done;

        Task(Runnable task, Instant due, long order) {
            this.task = task;
            this.due = due;
            this.order = order;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(now, due));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done || cancelled) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
