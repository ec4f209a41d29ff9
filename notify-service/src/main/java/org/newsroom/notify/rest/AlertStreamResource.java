package org.newsroom.notify.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.notify.config.AlertConfig;
import org.newsroom.notify.service.AlertHub;
import org.newsroom.notify.service.FanOutService;
import org.newsroom.notify.service.NotifyMetrics;
import org.newsroom.notify.service.StreamAdmission;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * The live alert stream (Server-Sent Events): {@code event: issue.published}, {@code id: <alert sequence>},
 * {@code data: <webhook payload>}. {@code Last-Event-ID} (or {@code ?lastEventId=}) replays the alerts after it from
 * the durable log before going live; {@code : keepalive} comments keep idle connections open. Every client of an
 * instance hangs off the one {@link AlertHub} broadcast: there is no per-client database polling.
 */
@Path("/api/v1/alerts/stream")
public class AlertStreamResource {

    @Inject
    AlertHub hub;

    @Inject
    AlertConfig config;

    @Inject
    NotifyMetrics metrics;

    @Inject
    StreamAdmission admission;

    @Inject
    ClientAddress clientAddress;

    @Context
    io.vertx.core.http.HttpServerRequest httpRequest;

    @GET
    @PermitAll
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live stream of new-issue alerts (text/event-stream), replaying from Last-Event-ID; 503 / 429 "
            + "with Retry-After beyond the connection caps (per instance / per client address)")
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @QueryParam("lastEventId") String lastEventIdQuery, @Context Sse sse) {
        long after = parse(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdQuery);
        Runnable leave = admission.admit(clientAddress.of(httpRequest));
        int replayLimit = hub.replayLimit();
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            Client client = new Client(emitter, sse, after);
            Runnable unsubscribe = hub.subscribe(client);
            metrics.streamClients().incrementAndGet();
            emitter.onTermination(() -> {
                unsubscribe.run();
                leave.run();
                metrics.streamClients().decrementAndGet();
            });
            emitter.emit(sse.newEventBuilder().comment(" connected").build());
            if (after < 0) {
                client.live(List.of());
            } else {
                Infrastructure.getDefaultWorkerPool().execute(() -> {
                    try {
                        List<AlertHub.AlertEvent> missed = hub.replay(after);
                        if (missed.size() >= replayLimit) {
                            // more may be missed than one replay holds: end here, the client resumes from the last id
                            client.replayThenEnd(missed);
                        } else {
                            client.live(missed);
                        }
                    } catch (RuntimeException e) {
                        emitter.fail(e);
                    }
                });
            }
        }, BackPressureStrategy.ERROR).onOverflow().buffer(config.clientBuffer());
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            long value = Long.parseLong(lastEventId.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Last-Event-ID must be an event id of this stream (a non-negative integer)");
        }
    }

    /** One connected client: buffers live alerts while its replay runs, then emits each alert at most once, in order. */
    static final class Client implements AlertHub.Listener {
        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private final Sse sse;
        private final List<AlertHub.AlertEvent> waiting = new ArrayList<>();
        private boolean replaying = true;
        private long last;

        Client(MultiEmitter<? super OutboundSseEvent> emitter, Sse sse, long after) {
            this.emitter = emitter;
            this.sse = sse;
            this.last = after;
        }

        @Override
        public synchronized void alert(AlertHub.AlertEvent event) {
            if (replaying) {
                waiting.add(event);
            } else {
                emitIfNew(event);
            }
        }

        synchronized void replayThenEnd(List<AlertHub.AlertEvent> missed) {
            missed.forEach(this::emitIfNew);
            waiting.clear();
            emitter.complete();
        }

        synchronized void live(List<AlertHub.AlertEvent> missed) {
            missed.forEach(this::emitIfNew);
            waiting.forEach(this::emitIfNew);
            waiting.clear();
            replaying = false;
        }

        @Override
        public synchronized void heartbeat() {
            if (!emitter.isCancelled()) {
                emitter.emit(sse.newEventBuilder().comment(" keepalive").build());
            }
        }

        private void emitIfNew(AlertHub.AlertEvent event) {
            if (event.seq() > last && !emitter.isCancelled()) {
                emitter.emit(sse.newEventBuilder()
                        .id(Long.toString(event.seq()))
                        .name(FanOutService.ALERT_TYPE)
                        .data(String.class, event.payload())
                        .build());
                last = event.seq();
            }
        }
    }
}
