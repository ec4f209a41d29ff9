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
import org.newsroom.notify.mapping.MailComposer;
import org.newsroom.notify.service.SubscriptionService;

/**
 * Unsubscribe links of every mail: {@code GET} shows a page with a confirm button (link scanners must not unsubscribe
 * anybody), {@code POST} with {@code List-Unsubscribe=One-Click} unsubscribes at once (RFC 8058).
 */
@Path("/unsubscribe/{token}")
public class UnsubscribeResource {

    @Inject
    SubscriptionService service;

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "Unsubscribe page with a confirm button")
    public String page(@PathParam("token") String token) {
        Subscription subscription = service.byUnsubscribeToken(token);
        if (subscription.status == SubscriptionStatus.DISABLED) {
            return Pages.page("已退订", "<p>" + MailComposer.escape(subscription.endpoint) + " 已不再接收新刊提醒。</p>");
        }
        return Pages.page("退订新刊提醒", "<p>退订后，" + MailComposer.escape(subscription.endpoint)
                + " 将不再收到新刊提醒。</p><form method=\"post\" action=\"/unsubscribe/" + MailComposer.escape(token)
                + "\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\">确认退订</button></form>");
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
        return Pages.page("已退订", "<p>" + MailComposer.escape(subscription.endpoint) + " 已不再接收新刊提醒。</p>");
    }
}
