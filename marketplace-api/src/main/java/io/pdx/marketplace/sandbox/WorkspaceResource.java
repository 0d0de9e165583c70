package io.pdx.marketplace.sandbox;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.pdx.contracts.licensing.Workspace;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.LicenseReader;
import io.pdx.marketplace.security.CurrentSubject;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** A license's workspace: the table it lets the organization query, its columns and uses, templates and privacy budget. */
@Path("/api/v1/licenses/{id}/workspace")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "licenses")
// only authenticated callers: 401 before any lookup or validation (an anonymous caller is never told 404 or 400)
@io.quarkus.security.Authenticated
public class WorkspaceResource {

    private final LicenseReader licenses;
    private final LicenseWorkspace workspaces;
    private final CurrentSubject currentSubject;

    public WorkspaceResource(LicenseReader licenses, LicenseWorkspace workspaces, CurrentSubject currentSubject) {
        this.licenses = licenses;
        this.workspaces = workspaces;
        this.currentSubject = currentSubject;
    }

    @GET
    @WithSession
    @Operation(operationId = "getLicenseWorkspace", summary = "What a license lets you query / 授权的可用数据", description = "The table alias, each licensed column with its type, tag and allowed uses, the query templates, the ε range and the privacy budget left.")
    public Uni<Workspace> get(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return licenses.readable(id, subject)
                .flatMap(license -> Dataset.<Dataset>findById(license.datasetId)
                        .flatMap(dataset -> workspaces.of(license, dataset, subject)));
    }
}
