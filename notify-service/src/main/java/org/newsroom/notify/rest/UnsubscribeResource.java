package org.newsroom.notify.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.notify.domain.Subscription;
import org.newsroom.notify.domain.SubscriptionStatus;
import org.newsroom.notify.service.SubscriptionService;

/**
 * Unsubscribe links of every mail: {@code GET} shows a page with a confirm button (link scanners must not unsubscribe
 * anybody), {@code POST} with {@code List-Unsubscribe=One-Click} unsubscribes at once (RFC 8058).
 */
@Path("/unsubscribe/{token}")
public class UnsubscribeResource {

    @Inject
    SubscriptionService service;

    @Inject
    Pages pages;

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "Unsubscribe page with a confirm button")
    public String page(@PathParam("token") String token) {
        Subscription subscription = service.byUnsubscribeToken(token);
        if (subscription.status == SubscriptionStatus.DISABLED) {
            return pages.page("已退订", subscription.endpoint + " 已不再接收新刊提醒。");
        }
        return pages.page("退订新刊提醒", new Pages.Form("/unsubscribe/" + token, "List-Unsubscribe", "One-Click", "确认退订"),
                "退订后，" + subscription.endpoint + " 将不再收到新刊提醒。");
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "One-click unsubscribe (RFC 8058): body List-Unsubscribe=One-Click")
    public String unsubscribe(@PathParam("token") String token, String body) {
        if (body == null || !(body.contains("List-Unsubscribe") && body.contains("One-Click"))) {
            throw ProblemException.badRequest("The body must be List-Unsubscribe=One-Click (RFC 8058)");
        }
        Subscription subscription = service.unsubscribe(token);
        return pages.page("已退订", subscription.endpoint + " 已不再接收新刊提醒。");
    }
}
