package org.newsroom.notify.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.common.security.Roles;
import org.newsroom.notify.domain.Subscription;
import org.newsroom.notify.domain.SubscriptionStatus;
import org.newsroom.notify.mapping.ViewMapper;
import org.newsroom.notify.rest.DeliveryLogResponse.Entry;
import org.newsroom.notify.service.SubscriptionService;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Subscriptions: anyone may subscribe; the answer's manage token (Authorization: Bearer) is what reads, deletes and
 * inspects the subscription afterwards. Manage tokens are not JWTs: these endpoints are {@code @PermitAll} and read the
 * header themselves (with {@code quarkus.http.auth.proactive=false} the JWT layer does not look at it). An unknown id
 * and a wrong token both answer 404, so that the existence of a subscription is not revealed.
 */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    @Inject
    SubscriptionService service;

    @Inject
    SecurityIdentity identity;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Pages pages;

    @jakarta.ws.rs.core.Context
    io.vertx.core.http.HttpServerRequest httpRequest;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a webhook (intent verification in the background) or an e-mail address (double "
            + "opt-in); a pending subscription of the same target is returned again, without its secrets; 429 beyond "
            + "the rate limits")
    public Response create(@NotNull @Valid SubscriptionRequest request) {
        SubscriptionService.Created created = service.create(request.channel(), request.endpoint(), request.sections(),
                clientAddress.of(httpRequest));
        return Response.accepted(ViewMapper.created(created))
                .location(URI.create("/api/v1/subscriptions/" + created.subscription().id))
                .build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A subscription (manage token)")
    public SubscriptionResponse get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return ViewMapper.subscription(service.authorised(id, BearerTokens.of(authorization)));
    }

    @DELETE
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Disable a subscription (manage token); its pending deliveries are cancelled")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        service.delete(id, BearerTokens.of(authorization));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/verify")
    @PermitAll
    @Operation(summary = "Verify a pending webhook again, or re-send the confirmation mail (manage token)")
    public SubscriptionResponse verify(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return ViewMapper.subscription(service.verifyAgain(id, BearerTokens.of(authorization)));
    }

    @GET
    @Path("/{id}/deliveries")
    @PermitAll
    @Operation(summary = "The delivery log: per issue, every attempt (manage token)")
    public Response deliveries(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") String limitParam, @QueryParam("cursor") String cursor, @jakarta.ws.rs.core.Context UriInfo uri) {
        Subscription subscription = service.authorised(id, BearerTokens.of(authorization));
        int limit = limit(limitParam);
        UUID before = cursor == null ? null : decodeCursor(cursor);
        SubscriptionService.DeliveryPage page = service.deliveries(subscription.id, before, limit);
        String next = page.next() == null ? null : encodeCursor(page.next());
        DeliveryLogResponse body = new DeliveryLogResponse(page.items().stream()
                .map(item -> ViewMapper.delivery(item.delivery(), item.attempts())).toList(), next);
        Response.ResponseBuilder response = Response.ok(body);
        if (next != null) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build()
                    + ">; rel=\"next\"");
        }
        return response.build();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @PermitAll
    @Operation(summary = "Retry a failed delivery now (manage token, or an editor/admin JWT)")
    public Response retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String token = BearerTokens.of(authorization);
        if (!service.isManageToken(id, token)) {
            if (token == null) {
                service.authorised(id, null);   // 401
            }
            if (identity.isAnonymous() || !(identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN))) {
                throw ProblemException.notFound("No subscription with this id and manage token");
            }
            service.find(id);
        }
        Entry entry = ViewMapper.delivery(service.retry(id, deliveryId), java.util.List.of());
        return Response.accepted(entry).build();
    }

    @GET
    @Path("/confirm/{token}")
    @PermitAll
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "Double opt-in link of an e-mail subscription: a page whose button POSTs the confirmation "
            + "(a GET changes nothing, so mail link scanners cannot confirm)")
    public String confirmPage(@PathParam("token") String token) {
        Subscription subscription = service.byConfirmToken(token);
        if (subscription.status == SubscriptionStatus.ACTIVE) {
            return confirmed(subscription);
        }
        return pages.page("确认订阅新刊提醒", new Pages.Form("/api/v1/subscriptions/confirm/" + token, null, null, "确认订阅"),
                "请点击下面的按钮，确认 " + subscription.endpoint + " 订阅新刊提醒。",
                "如果您没有订阅，请忽略这封邮件：不确认就不会收到任何提醒。");
    }

    @POST
    @Path("/confirm/{token}")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "Confirms an e-mail subscription (the button of the confirmation page): it becomes active")
    public String confirm(@PathParam("token") String token) {
        return confirmed(service.confirm(token));
    }

    private String confirmed(Subscription subscription) {
        return pages.page("订阅已确认", "订阅已确认：新刊出版时，我们会发邮件到 " + subscription.endpoint + "。",
                "每封提醒邮件都附有退订链接。");
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ProblemException.unprocessable("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }
    }

    static String encodeCursor(UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static UUID decodeCursor(String cursor) {
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("cursor", "not a cursor of this list");
        }
    }
}
