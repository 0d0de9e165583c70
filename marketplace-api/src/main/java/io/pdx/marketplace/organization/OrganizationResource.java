package io.pdx.marketplace.organization;

import io.pdx.contracts.organization.OrganizationRequest;
import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.contracts.organization.OrganizationView;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationDenied;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * Operator organizations: an enterprise registers itself (its 统一社会信用代码 is checked digit by
 * digit), the bureau verifies it, suspends and reinstates it. An operator sees only its own
 * organization; any other answers 404.
 */
@Path("/api/v1/organizations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final AuditLog audit;

    public OrganizationResource(OperationGuard guard, CurrentSubject currentSubject, AuditLog audit) {
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.audit = audit;
    }

    @POST
    @WithTransaction
    public Uni<Response> register(OrganizationRequest request) {
        Subject subject = currentSubject.get();
        if (request == null) {
            throw new OrganizationProblems.InvalidOrganization(List.of(new FieldError("body", "is required")));
        }
        List<FieldError> errors = OrganizationValidator.errors(request);
        if (!errors.isEmpty()) {
            throw new OrganizationProblems.InvalidOrganization(errors);
        }
        return guard.require(subject, "organization.create", resource(request.uscc()))
                .flatMap(allowed -> Organization.<Organization>findById(request.uscc()))
                .flatMap(existing -> {
                    if (existing != null) {
                        throw new OrganizationProblems.OrganizationExists("uscc");
                    }
                    return Organization.count("name", request.name().trim());
                })
                .flatMap(sameName -> {
                    if (sameName > 0) {
                        throw new OrganizationProblems.OrganizationExists("name");
                    }
                    Organization organization = new Organization();
                    organization.uscc = request.uscc();
                    organization.name = request.name().trim();
                    organization.legalRepresentative = request.legalRepresentative().trim();
                    organization.contactName = request.contactName().trim();
                    organization.contactPhone = request.contactPhone().trim();
                    organization.contactEmail = request.contactEmail().trim();
                    organization.registeredBy = subject.user();
                    return organization.<Organization>persist();
                })
                .call(organization -> audited(subject, "organization.create", organization))
                .map(organization -> Response.created(URI.create("/api/v1/organizations/" + organization.uscc))
                        .entity(organization.toView()).build());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<OrganizationView> get(@PathParam("id") String id) {
        return visible(id, "organization.read").map(Organization::toView);
    }

    @POST
    @Path("/{id}/verify")
    @WithTransaction
    public Uni<OrganizationView> verify(@PathParam("id") String id) {
        return move(id, "organization.verify", OrganizationStatus.VERIFIED);
    }

    @POST
    @Path("/{id}/suspend")
    @WithTransaction
    public Uni<OrganizationView> suspend(@PathParam("id") String id) {
        return move(id, "organization.suspend", OrganizationStatus.SUSPENDED);
    }

    @POST
    @Path("/{id}/reinstate")
    @WithTransaction
    public Uni<OrganizationView> reinstate(@PathParam("id") String id) {
        return move(id, "organization.reinstate", OrganizationStatus.VERIFIED);
    }

    private Uni<OrganizationView> move(String id, String operation, OrganizationStatus to) {
        Subject subject = currentSubject.get();
        return visible(id, "organization.read")
                .call(organization -> guard.require(subject, operation, resource(id)))
                .invoke(organization -> {
                    organization.moveTo(to);
                    if (to == OrganizationStatus.VERIFIED) {
                        organization.verifiedBy = subject.user();
                    }
                })
                .call(Panache::flush)
                .call(organization -> audited(subject, operation, organization))
                .map(Organization::toView);
    }

    private Uni<?> audited(Subject subject, String action, Organization organization) {
        return audit.record(subject.user(), action, "organization", organization.uscc, organization.uscc, null,
                java.util.Map.of("status", organization.status.name()));
    }

    /** The organization if the caller may read it; a denial for a signed-in caller is a 404, not a 403. */
    private Uni<Organization> visible(String id, String operation) {
        Subject subject = currentSubject.get();
        return guard.require(subject, operation, resource(id))
                .onFailure(OperationDenied.class).transform(denied -> subject.authenticated()
                        ? new OrganizationProblems.OrganizationNotFound(id) : denied)
                .flatMap(allowed -> Organization.<Organization>findById(id))
                .onItem().ifNull().failWith(() -> new OrganizationProblems.OrganizationNotFound(id));
    }

    private static AuthzInput.Resource resource(String uscc) {
        return new AuthzInput.Resource("organization", uscc, uscc, null, null);
    }
}
