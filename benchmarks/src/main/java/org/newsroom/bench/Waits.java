package org.newsroom.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A scheduled pause between polls, so that no thread is put to sleep. */
public final class Waits {
    private Waits() {
    }

    public static void pause(Duration duration) {
        CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(duration.toMillis(), TimeUnit.MILLISECONDS)).join();
    }
}
