package org.newsroom.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/** The one Vert.x instance of the benchmark JVM (two event loops: the machine has two cores). */
public final class BenchVertx {

    private static Vertx vertx;

    private BenchVertx() {
    }

    public static synchronized Vertx get() {
        if (vertx == null) {
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4)
                    .setBlockedThreadCheckInterval(10_000));
        }
        return vertx;
    }

    public static synchronized void close() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            vertx = null;
        }
    }
}
