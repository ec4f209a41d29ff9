package org.newsroom.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for a condition of an external process (a port, a health endpoint) with a fixed poll interval. */
public final class Poll {
    private Poll() {
    }

    /** Polls every {@code interval} until the condition holds; returns false when {@code timeout} passed first. */
    public static boolean until(Duration timeout, Duration interval, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(interval.toMillis(), TimeUnit.MILLISECONDS)).join();
        }
    }
}
