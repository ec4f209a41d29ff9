package org.newsroom.common.failure;

import java.time.Duration;
import java.util.function.Consumer;

import io.smallrye.mutiny.Uni;

/**
 * The one retry rule of the Kafka consumers, by {@link FailureClassifier}: while a dependency is unavailable
 * (transient) the same work is retried with exponential backoff for as long as it stays down — never skipped; an
 * unclassified failure is retried a bounded number of times; a poison failure is not retried. What still fails
 * reaches the caller, which dead-letters the record.
 */
public final class Retries {

    /** Backoff bounds and the attempts an unclassified failure gets (at least one). */
    public record Policy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {
    }

    private Retries() {
    }

    /**
     * {@code work} with the retry rule applied; {@code onRetry} sees every failure that is retried (for metrics and
     * logs).
     */
    public static <T> Uni<T> withRetries(Uni<T> work, Policy policy, Consumer<Throwable> onRetry) {
        return whileUnavailable(work, policy, onRetry)
                .onFailure(Retries::isUnclassified).invoke(onRetry)
                .onFailure(Retries::isUnclassified).retry()
                .withBackOff(policy.initialBackoff(), policy.maxBackoff()).atMost(Math.max(0, policy.maxAttempts() - 1));
    }

    /**
     * The first half of the rule alone: {@code work} retried with backoff for as long as a dependency is unavailable;
     * any other failure reaches the caller at once.
     */
    public static <T> Uni<T> whileUnavailable(Uni<T> work, Policy policy, Consumer<Throwable> onRetry) {
        return work
                .onFailure(Retries::isTransient).invoke(onRetry)
                .onFailure(Retries::isTransient).retry()
                .withBackOff(policy.initialBackoff(), policy.maxBackoff()).indefinitely();
    }

    /** The database or broker is unavailable: retry the same work until it is back. */
    private static boolean isTransient(Throwable failure) {
        return FailureClassifier.classify(failure) == FailureClassifier.Kind.TRANSIENT;
    }

    private static boolean isUnclassified(Throwable failure) {
        return FailureClassifier.classify(failure) == FailureClassifier.Kind.UNCLASSIFIED;
    }
}
