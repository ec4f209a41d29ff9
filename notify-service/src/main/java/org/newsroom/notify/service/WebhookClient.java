package org.newsroom.notify.service;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.notify.config.DeliveryConfig;
import org.newsroom.notify.config.WebhookConfig;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;

/**
 * Outbound HTTP to subscribers' endpoints. Connects to the address the {@link EndpointGuard} checked (never resolving
 * the name again) while sending the original host name, follows no redirects, bounds connect and read time and the
 * size of the answer it reads. Blocking API for worker threads.
 */
@ApplicationScoped
public class WebhookClient {

    /** What an endpoint answered. */
    public record Answer(int status, String body, String retryAfter) {
        public boolean is2xx() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final long connectMillis;
    private final long readMillis;

    public WebhookClient(Vertx vertx, WebhookConfig config, DeliveryConfig deliveries) {
        this.connectMillis = config.connectTimeout().toMillis();
        this.readMillis = config.readTimeout().toMillis();
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) connectMillis)
                .setIdleTimeout((int) Math.max(1, config.readTimeout().toSeconds()))
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setVerifyHost(true)
                .setTrustAll(false)
                .setForceSni(true)
                .setMaxRedirects(0)
                // DeliveryWorker writes the traceparent of its own client span: Vert.x's tracer must not replace it
                .setTracingPolicy(TracingPolicy.IGNORE);
        this.client = vertx.createHttpClient(options,
                new PoolOptions().setHttp1MaxSize(Math.max(1, deliveries.perHostConcurrency())));
    }

    /**
     * Sends one request and waits for the answer.
     *
     * @param body null for a GET
     * @throws TimeoutException when the endpoint took longer than connect + read timeout
     * @throws Exception        for connection errors (refused, reset, TLS)
     */
    public Answer send(EndpointGuard.Checked target, HttpMethod method, Map<String, String> headers, String body,
            int maxAnswerBytes) throws Exception {
        return send(target, method, headers, body, maxAnswerBytes, connectMillis, readMillis);
    }

    /** {@link #send(EndpointGuard.Checked, HttpMethod, Map, String, int)} with shorter timeouts of its own. */
    public Answer send(EndpointGuard.Checked target, HttpMethod method, Map<String, String> headers, String body,
            int maxAnswerBytes, long connectMillis, long readMillis) throws Exception {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(connectMillis)
                .setIdleTimeout(readMillis);
        CompletableFuture<Answer> result = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                result.completeExceptionally(opened.cause());
                return;
            }
            HttpClientRequest req = opened.result();
            request.set(req);
            req.putHeader("User-Agent", "newsroom-notify/1.0");
            headers.forEach(req::putHeader);
            (body == null ? req.send() : req.send(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))))
                    .onFailure(result::completeExceptionally)
                    .onSuccess(response -> {
                        Buffer collected = Buffer.buffer();
                        String retryAfter = response.getHeader("Retry-After");
                        response.exceptionHandler(result::completeExceptionally);
                        response.handler(chunk -> {
                            int room = maxAnswerBytes - collected.length();
                            if (room > 0) {
                                collected.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
                            }
                            if (collected.length() >= maxAnswerBytes && !result.isDone()) {
                                result.complete(new Answer(response.statusCode(),
                                        collected.toString(StandardCharsets.UTF_8), retryAfter));
                                req.reset();
                            }
                        });
                        response.endHandler(ignored -> result.complete(new Answer(response.statusCode(),
                                collected.toString(StandardCharsets.UTF_8), retryAfter)));
                    });
        });
        try {
            return result.get(connectMillis + readMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            HttpClientRequest req = request.get();
            if (req != null) {
                req.reset();
            }
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
