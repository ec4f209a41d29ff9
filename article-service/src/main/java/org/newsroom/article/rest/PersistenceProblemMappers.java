package org.newsroom.article.rest;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsroom.common.failure.FailureClassifier;
import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemMappers;

/**
 * Database failures at the HTTP edge: unavailable → 503 with {@code Retry-After}; a concurrent change (optimistic
 * lock, unique key) → 409; anything else stays the generic 500 of {@link ProblemMappers}. Runs before the generic
 * {@code Throwable} mapper thanks to its lower priority value.
 */
public class PersistenceProblemMappers {

    private final ProblemMappers generic = new ProblemMappers();

    @ServerExceptionMapper(priority = 9000)
    public Response database(Throwable e) {
        if (FailureClassifier.isUnavailable(e)) {
            return ProblemMappers.respond(Problem.of(503, "unavailable", "Service unavailable",
                    "The database is unavailable; try again shortly")).header("Retry-After", "5").build();
        }
        if (isConcurrentChange(e)) {
            return ProblemMappers.respond(Problem.of(409, "conflict", "Conflict",
                    "The resource was changed concurrently; read it again and retry")).build();
        }
        return generic.unexpected(e);
    }

    private static boolean isConcurrentChange(Throwable e) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("OptimisticLock") || name.contains("StaleObjectState") || name.contains("StaleState")) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
