package io.pdx.marketplace.organization;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.pdx.marketplace.security.Operation;
import io.pdx.contracts.organization.OrganizationRequest;
import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.contracts.organization.OrganizationView;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.paging.PageRequest;
import io.pdx.marketplace.problem.EnumParameter;
import io.pdx.contracts.Page;
import io.quarkus.panache.common.Sort;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
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
import jakarta.ws.rs.QueryParam;
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
@Tag(name = "organizations")
// only authenticated callers: 401 before any lookup or validation (an anonymous caller is never told 404 or 400)
@io.quarkus.security.Authenticated
public class OrganizationResource {

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final AuditLog audit;
    private final TransitionKernel transitions;

    public OrganizationResource(OperationGuard guard, CurrentSubject currentSubject, AuditLog audit, TransitionKernel transitions) {
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.audit = audit;
        this.transitions = transitions;
    }

    @POST
    @WithTransaction
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "registerOrganization", summary = "Register an organization / 主体登记", description = "By its 统一社会信用代码 (USCC, GB 32100-2015, check character verified).")
    @APIResponse(responseCode = "201", description = "the organization, PENDING, with Location", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationView.class)))
    public Uni<Response> register(OrganizationRequest request) {
        Subject subject = currentSubject.get();
        if (request == null) {
            throw new OrganizationProblems.InvalidOrganization(List.of(new FieldError("body", "is required")));
        }
        List<FieldError> errors = OrganizationValidator.errors(request);
        if (!errors.isEmpty()) {
            throw new OrganizationProblems.InvalidOrganization(errors);
        }
        return guard.require(subject, Operation.ORGANIZATION_CREATE, resource(request.uscc()))
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
                .call(organization -> audit.record(subject.user(), AuditAction.ORGANIZATION_CREATE, organization.auditType(),
                        organization.auditId(), organization.auditOrganization(), null, organization.auditDetail()))
                .map(organization -> Response.created(URI.create("/api/v1/organizations/" + organization.uscc))
                        .entity(organization.toView()).build());
    }

    /** Organizations for the bureau, oldest registration first (a review queue); {@code status} narrows. */
    @GET
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listOrganizations", summary = "List organizations / 主体列表", description = "Bureau only; oldest registration first, optionally of one status (UNVERIFIED: the verification queue).")
    public Uni<Page<OrganizationView>> list(@QueryParam("status") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(schema = @Schema(implementation = OrganizationStatus.class)) String status,
                                            @QueryParam("page") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
                                            @QueryParam("size") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        OrganizationStatus wanted = EnumParameter.parse("status", status, OrganizationStatus.class);
        PageRequest paging = PageRequest.of(page, size);
        Sort oldest = Sort.by("createdAt").and("uscc");
        return guard.require(currentSubject.get(), Operation.ORGANIZATION_LIST, new AuthzInput.Resource("organization", null, null, null, null))
                .flatMap(allowed -> paging.page(wanted == null
                        ? Organization.<Organization>findAll(oldest)
                        : Organization.<Organization>find("status", oldest, wanted), Organization::toView));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getOrganization", summary = "Read an organization / 查看主体", description = "Your own organization, or any for the bureau.")
    public Uni<OrganizationView> get(@PathParam("id") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "The organization's 统一社会信用代码", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = io.pdx.contracts.identity.Uscc.PATTERN)) String id) {
        return visible(id, Operation.ORGANIZATION_READ).map(Organization::toView);
    }

    /** A reviewer verifies an UNVERIFIED organization (a SUSPENDED one is reinstated, by the administrator only). */
    @POST
    @Path("/{id}/verify")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "verifyOrganization", summary = "Verify / 核验", description = "PENDING → VERIFIED (bureau reviewer).")
    public Uni<OrganizationView> verify(@PathParam("id") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "The organization's 统一社会信用代码", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = io.pdx.contracts.identity.Uscc.PATTERN)) String id) {
        return run(id, OrganizationTransition.VERIFY);
    }

    @POST
    @Path("/{id}/suspend")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "suspendOrganization", summary = "Suspend / 暂停", description = "VERIFIED → SUSPENDED (bureau).")
    public Uni<OrganizationView> suspend(@PathParam("id") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "The organization's 统一社会信用代码", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = io.pdx.contracts.identity.Uscc.PATTERN)) String id) {
        return run(id, OrganizationTransition.SUSPEND);
    }

    @POST
    @Path("/{id}/reinstate")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "reinstateOrganization", summary = "Reinstate / 恢复", description = "SUSPENDED → VERIFIED (bureau).")
    public Uni<OrganizationView> reinstate(@PathParam("id") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "The organization's 统一社会信用代码", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = io.pdx.contracts.identity.Uscc.PATTERN)) String id) {
        return run(id, OrganizationTransition.REINSTATE);
    }

    private Uni<OrganizationView> run(String id, OrganizationTransition transition) {
        Subject subject = currentSubject.get();
        return transitions.run(transition, subject, () -> Organization.<Organization>findById(id)
                        .onItem().ifNull().failWith(() -> new OrganizationProblems.OrganizationNotFound(id)), Change.none())
                .map(Organization::toView);
    }

    /** The organization if the caller may read it; a denial for a signed-in caller is a 404, not a 403. */
    private Uni<Organization> visible(String id, Operation operation) {
        Subject subject = currentSubject.get();
        return guard.require(subject, operation, resource(id))
                .onFailure(OperationDenied.class).transform(denied -> subject.authenticated()
                        && !((OperationDenied) denied).subjectRefused() ? new OrganizationProblems.OrganizationNotFound(id) : denied)
                .flatMap(allowed -> Organization.<Organization>findById(id))
                .onItem().ifNull().failWith(() -> new OrganizationProblems.OrganizationNotFound(id));
    }

    private static AuthzInput.Resource resource(String uscc) {
        return new AuthzInput.Resource("organization", uscc, uscc, null, null);
    }
}
