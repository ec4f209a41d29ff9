package org.newsroom.notify.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.newsroom.common.security.Roles;
import org.newsroom.notify.mapping.ViewMapper;
import org.newsroom.notify.service.SubscriptionService;

/** Editors' view of how an issue's alerts went out. */
@Path("/api/v1/issues/{issueId}/deliveries")
public class IssueDeliveriesResource {

    @Inject
    SubscriptionService service;

    @GET
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delivered / pending / failed counts of an issue's alerts, per channel too")
    public IssueDeliveriesResponse counts(@PathParam("issueId") UUID issueId) {
        return ViewMapper.issue(service.issueCounts(issueId));
    }
}
