package dev.readnext.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;

import dev.readnext.api.ErrorCode;

/**
 * The total cost ({@link QueryCost}) of the queries running at once, bounded by a capacity. A query that does not
 * fit waits up to {@link #WAIT} for running ones to finish, then is refused with a retryable {@code BAD_USER_INPUT}.
 * Without it, sixteen clients asking for the costliest allowed queries shared the CPU until each was answered after
 * up to twice the execution deadline, which cannot stop a resolver already running; with it, the costly queries
 * beyond the capacity queue briefly and are shed, cheap ones still fit beside them, and an admitted query has the CPU
 * to finish in time.
 * <p>
 * Cheap queries first, on purpose, since they are most of what clients ask: a costly query (one costing more than
 * a quarter of the capacity) is only admitted if it leaves that quarter free for cheaper ones, and a query is
 * admitted as soon as it fits, not in the order of arrival (a {@code Semaphore}, fair or not, queues its waiters in
 * order). Under a flood of costly queries, either let them refuse cheap, legitimate ones; now the costly queries
 * are the ones shed.
 */
final class RunningCost {

    static final Duration WAIT = Duration.ofSeconds(1);

    private static final String BUSY = "The service is busy with other costly queries (this one costs %,d); try again"
            + " in a moment, or ask for fewer items or fields";

    private final int capacity;
    /** the room a costly query must leave free: it is costly when it costs more than that */
    private final int reserve;
    private final Duration wait;
    /** the cost that fits now, and the queries waiting for room; guarded by this */
    private int room;
    private int waiting;

    RunningCost(int capacity, Duration wait) {
        this.capacity = capacity;
        this.reserve = capacity / 4;
        this.wait = wait;
        this.room = capacity;
    }

    /**
     * Admits a query costing {@code cost} (a costly one takes at most what costly queries may use, so it runs rather
     * than never), or throws the refusal.
     *
     * @return the context to complete when the query has run: it gives the room back
     */
    InstrumentationContext<ExecutionResult> admit(long cost) {
        boolean costly = cost > reserve;
        int taken = (int) (costly ? Math.min(cost, capacity - reserve) : cost);
        if (taken == 0) {
            return SimpleInstrumentationContext.noOp();
        }
        if (!take(taken, costly ? reserve : 0)) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message(String.format(Locale.ROOT, BUSY, cost))
                    .errorType(ErrorType.ExecutionAborted)
                    .extensions(Map.of("code", ErrorCode.BAD_USER_INPUT.name(), "classification",
                            ErrorType.ExecutionAborted.name(), "retryable", true))
                    .build()));
        }
        AtomicBoolean released = new AtomicBoolean();
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> {
            if (released.compareAndSet(false, true)) {
                giveBack(taken);
            }
        });
    }

    /** The cost that would be admitted at once now. */
    synchronized int available() {
        return room;
    }

    /** The queries waiting for room now. */
    synchronized int waiting() {
        return waiting;
    }

    /** Takes {@code cost} of the room as soon as {@code keep} is left after it, or gives up after the wait. */
    private synchronized boolean take(int cost, int keep) {
        long deadline = System.nanoTime() + wait.toNanos();
        waiting++;
        try {
            while (room - cost < keep) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            room -= cost;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting--;
        }
    }

    /** Every waiter looks again whether it fits now. */
    private synchronized void giveBack(int cost) {
        room += cost;
        notifyAll();
    }
}
