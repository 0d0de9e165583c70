package io.pdx.marketplace.catalog.registration;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.pdx.marketplace.security.Operation;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.DatasetDraft;
import io.pdx.contracts.catalog.DatasetSchema;
import io.pdx.contracts.catalog.DatasetSummary;
import io.pdx.contracts.catalog.Openness;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.catalog.ReturnRequest;
import io.pdx.contracts.catalog.AmendmentRequest;
import io.pdx.contracts.catalog.ObjectionRequest;
import io.pdx.contracts.catalog.ObjectionView;
import io.pdx.contracts.catalog.RegistrationType;
import io.pdx.contracts.catalog.SharingType;
import io.pdx.contracts.catalog.UpdateFrequency;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.Category;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.DatasetName;
import io.pdx.marketplace.catalog.SearchCache;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Registration (登记): a provider drafts, edits and submits its department's datasets; the bureau
 * registers them (certificate number) or returns them with reasons; a registered dataset changes
 * only as a new version. Each request runs in one transaction: on any failure nothing is written.
 * Order of refusals: not visible (404), then not allowed (403), then bad input (400), then the
 * state of the data (409).
 */
@Path("/api/v1/datasets")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registration")
// only authenticated callers: 401 before any lookup or validation (an anonymous caller is never told 404 or 400)
@io.quarkus.security.Authenticated
public class RegistrationResource {

    private final CatalogPolicy catalog;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final SearchCache searchCache;
    private final AuditLog audit;

    private final TransitionKernel transitions;
    private final Publicity publicity;
    private final Objections objections;

    public RegistrationResource(CatalogPolicy catalog, OperationGuard guard, CurrentSubject currentSubject,
                                SearchCache searchCache, AuditLog audit, TransitionKernel transitions,
                                Publicity publicity, Objections objections) {
        this.transitions = transitions;
        this.publicity = publicity;
        this.objections = objections;
        this.catalog = catalog;
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.searchCache = searchCache;
        this.audit = audit;
    }

    private Uni<?> audited(Subject subject, AuditAction action, Dataset dataset) {
        return audit.record(subject.user(), action, dataset.auditType(), dataset.auditId(), null, null, dataset.auditDetail());
    }

    @POST
    @WithTransaction
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "createDatasetDraft", summary = "Draft a dataset / 新建数据集草稿", description = "A provider drafts a dataset of its own department (grade, columns with tags, bounds).")
    @APIResponse(responseCode = "201", description = "the draft, with Location", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetSummary.class)))
    public Uni<Response> create(DatasetDraft draft) {
        Subject subject = currentSubject.get();
        if (draft == null) {
            throw new InvalidDraft(List.of(new FieldError("body", "a dataset draft is required")));
        }
        String provider = subject.department() != null ? subject.department() : draft.provider();
        if (draft.provider() != null && subject.department() != null && !draft.provider().equals(subject.department())) {
            throw InvalidDraft.rule("provider", "a provider registers its own department's datasets");
        }
        return guard.require(subject, Operation.DATASET_CREATE, resource(null, provider, null))
                .flatMap(allowed -> validated(draft))
                .flatMap(valid -> {
                    if (provider == null) {
                        throw InvalidDraft.rule("provider", "is required");
                    }
                    Dataset dataset = new Dataset();
                    dataset.id = UUID.randomUUID();
                    dataset.lineageId = dataset.id;
                    dataset.provider = provider;
                    dataset.createdBy = subject.user();
                    copyDraft(dataset, draft);
                    return claimName(dataset).flatMap(named -> dataset.<Dataset>persist());
                })
                .call(dataset -> audited(subject, AuditAction.DATASET_CREATE, dataset))
                .invoke(searchCache::clear)
                .map(dataset -> Response.created(URI.create("/api/v1/datasets/" + dataset.id))
                        .entity(dataset.toSummary()).build());
    }

    @PUT
    @Path("/{id}")
    @WithTransaction
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "updateDatasetDraft", summary = "Edit a draft / 修改草稿", description = "Edits a DRAFT or RETURNED dataset; lockVersion must be the version edited.")
    public Uni<DatasetSummary> update(@PathParam("id") UUID id, DatasetDraft draft) {
        Subject subject = currentSubject.get();
        if (draft == null) {
            throw new InvalidDraft(List.of(new FieldError("body", "a dataset draft is required")));
        }
        return visible(id, subject)
                .call(dataset -> guard.require(subject, Operation.DATASET_UPDATE, resource(dataset, dataset.provider, null)))
                .call(dataset -> validated(draft))
                .flatMap(dataset -> {
                    if (!dataset.state().editable()) {
                        throw RegistrationConflict.notEditable(dataset.state());
                    }
                    if (draft.lockVersion() == null) {
                        throw InvalidDraft.rule("lockVersion", "the version you edited is required");
                    }
                    if (draft.lockVersion() != dataset.version) {
                        throw RegistrationConflict.staleVersion(draft.lockVersion(), dataset.version);
                    }
                    if (draft.provider() != null && !draft.provider().equals(dataset.provider)) {
                        throw InvalidDraft.rule("provider", "a dataset keeps its provider");
                    }
                    boolean renamed = !draft.nameZh().equals(dataset.nameZh);
                    copyDraft(dataset, draft);
                    return (renamed ? claimName(dataset) : Uni.createFrom().voidItem()).replaceWith(dataset);
                })
                .call(Panache::flush)
                .call(dataset -> audited(subject, AuditAction.DATASET_UPDATE, dataset))
                .invoke(searchCache::clear)
                .map(Dataset::toSummary);
    }

    @POST
    @Path("/{id}/submit")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "submitDataset", summary = "Submit for registration / 提交登记", description = "DRAFT or RETURNED → SUBMITTED. A change that removes or retypes columns used by licenses in force is refused (409 naming them).")
    public Uni<DatasetSummary> submit(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        // a change that breaks licenses in force is refused by licensing's hook of this transition (LicensedColumnsKept)
        return transitions.run(RegistrationTransition.SUBMIT, subject, () -> visible(id, subject), Change.none())
                .invoke(searchCache::clear).map(Dataset::toSummary);
    }

    /** The formal review passes: the registration enters publicity (公示) for the policy's number of days. */
    @POST
    @Path("/{id}/accept")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "acceptDataset", summary = "Accept into publicity / 形式审查通过，进入公示", description = "A reviewer (not its submitter) accepts a SUBMITTED registration: SUBMITTED → PUBLICITY, with its window (publicityEndsAt) from the policy data; objections are lodged until then.")
    public Uni<DatasetSummary> accept(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return publicity.accept(subject, () -> visible(id, subject)).invoke(searchCache::clear).map(Dataset::toSummary);
    }

    /**
     * A reviewer registers a version whose publicity ended with no objection pending: it gets its registration code and
     * signed certificate, and supersedes (or, a cancellation, cancels) the version of its lineage registered before it.
     */
    @POST
    @Path("/{id}/register")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "registerDataset", summary = "Register a dataset / 登记", description = "PUBLICITY → REGISTERED once the window has ended with no objection pending (else 409); a reviewer, not its submitter. The registration code and signed certificate are issued (GET /api/v1/certificates/{code}). The platform concludes such registrations by itself too.")
    public Uni<DatasetSummary> register(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return publicity.register(subject, () -> visible(id, subject)).invoke(searchCache::clear).map(Dataset::toSummary);
    }

    @POST
    @Path("/{id}/return")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "returnDataset", summary = "Return for changes / 退回修改", description = "A reviewer returns a SUBMITTED dataset with reasons.")
    public Uni<DatasetSummary> returnForChanges(@PathParam("id") UUID id, ReturnRequest request) {
        Subject subject = currentSubject.get();
        List<String> reasons = request == null || request.reasons() == null ? List.of() : request.reasons();
        FieldCheck check = new FieldCheck();
        if (reasons.isEmpty() || reasons.size() > ReturnRequest.MAX_REASONS) {
            check.schema("reasons", "one or more reasons of at most 500 characters each");
        }
        for (int i = 0; i < reasons.size(); i++) {
            check.text("reasons[" + i + "]", reasons.get(i), true, false, ReturnRequest.MAX_REASON);
        }
        if (!check.valid()) {
            throw new InvalidDraft(check);
        }
        return transitions.run(RegistrationTransition.RETURN, subject, () -> visible(id, subject),
                        Change.<Dataset>with(dataset -> dataset.returnReasons = new Dataset.ReturnReasons(reasons)))
                .invoke(searchCache::clear)
                .map(Dataset::toSummary);
    }

    /** Anyone signed in objects to a registration in publicity, once, before its window ends. */
    @POST
    @Path("/{id}/objections")
    @WithTransaction
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "lodgeObjection", summary = "Object to a registration / 提出异议", description = "Anyone signed in may lodge one objection with reasons to a registration in publicity, before publicityEndsAt (409 after it, or a second time).")
    @APIResponse(responseCode = "201", description = "the objection", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectionView.class)))
    public Uni<Response> lodge(@PathParam("id") UUID id, ObjectionRequest request) {
        return objections.lodge(id, currentSubject.get(), request)
                .map(objection -> Response.status(Response.Status.CREATED).entity(objection).build());
    }

    /** The objections to a registration: all of them for its department and the bureau, one's own for anyone else. */
    @jakarta.ws.rs.GET
    @Path("/{id}/objections")
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listObjections", summary = "Objections to a registration / 异议列表", description = "All objections for the holding department and the bureau; the caller's own for anyone else.")
    public Uni<io.pdx.contracts.Page<ObjectionView>> objections(@PathParam("id") UUID id) {
        return objections.list(id, currentSubject.get());
    }

    /** A new version of a registered dataset: a draft copy, registered again before it replaces the old one. */
    @POST
    @Path("/{id}/versions")
    @WithTransaction
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "createDatasetVersion", summary = "Change, correct or cancel a registration / 变更、更正或注销登记", description = "A new DRAFT registration of a REGISTERED dataset that amends it: CHANGE (the default, a new version), CORRECTION or CANCELLATION (which, once registered, cancels the dataset and delists its products), with a reason; it goes through review and publicity like a first registration.")
    @APIResponse(responseCode = "201", description = "the new version, with Location", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetSummary.class)))
    public Uni<Response> newVersion(@PathParam("id") UUID id,
                                   @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false) AmendmentRequest request) {
        Subject subject = currentSubject.get();
        RegistrationType type = amendmentType(request);
        return visible(id, subject)
                .call(dataset -> guard.require(subject, Operation.DATASET_VERSION, resource(dataset, dataset.provider, null)))
                .flatMap(registered -> {
                    if (registered.state() != RegistrationStatus.REGISTERED) {
                        throw RegistrationConflict.notEditable(registered.state());
                    }
                    return Dataset.<Dataset>list("lineageId", registered.lineageId).flatMap(versions -> {
                        if (versions.stream().anyMatch(version -> version.state().editable()
                                || version.state() == RegistrationStatus.SUBMITTED)) {
                            throw RegistrationConflict.openVersionExists();
                        }
                        int next = versions.stream().mapToInt(version -> version.datasetVersion).max().orElse(1) + 1;
                        Dataset amendment = nextVersion(registered, next, subject);
                        amendment.registrationType = type;
                        amendment.amends = registered.id;
                        amendment.amendmentReason = request == null || request.reason() == null ? null : request.reason().trim();
                        return amendment.<Dataset>persist();
                    });
                })
                .call(dataset -> audited(subject, AuditAction.DATASET_VERSION, dataset))
                .invoke(searchCache::clear)
                .map(dataset -> Response.created(URI.create("/api/v1/datasets/" + dataset.id))
                        .entity(dataset.toSummary()).build());
    }

    /** The amendment's type (CHANGE when none is given) and its reason, checked: 400 naming the field otherwise. */
    private static RegistrationType amendmentType(AmendmentRequest request) {
        FieldCheck check = new FieldCheck();
        RegistrationType type = RegistrationType.CHANGE;
        if (request != null && request.type() != null) {
            try {
                type = RegistrationType.valueOf(request.type());
            } catch (IllegalArgumentException unknown) {
                type = null;
            }
            if (type == null || !type.amends()) {
                check.schema("type", "one of CHANGE, CORRECTION, CANCELLATION");
            }
        }
        if (request != null) {
            check.text("reason", request.reason(), type != RegistrationType.CHANGE, false, AmendmentRequest.MAX_REASON);
        }
        if (!check.valid()) {
            throw new InvalidDraft(check);
        }
        return type;
    }

    private Uni<Dataset> visible(UUID id, Subject subject) {
        return catalog.visibleDataset(id, subject);
    }

    private static Uni<Void> validated(DatasetDraft draft) {
        return Category.<Category>listAll().map(categories -> {
            Set<String> codes = categories.stream().map(category -> category.code).collect(Collectors.toSet());
            FieldCheck check = DraftValidator.check(draft, codes);
            if (!check.valid()) {
                throw new InvalidDraft(check);
            }
            return null;
        });
    }

    /** Reserves the dataset's name for its lineage; another lineage of the provider holding it is a 409. */
    private static Uni<Void> claimName(Dataset dataset) {
        return DatasetName.<DatasetName>findById(new DatasetName.Key(dataset.provider, dataset.nameZh))
                .flatMap(existing -> {
                    if (existing == null) {
                        return DatasetName.of(dataset.provider, dataset.nameZh, dataset.lineageId).persist().replaceWithVoid();
                    }
                    if (!existing.lineageId.equals(dataset.lineageId)) {
                        throw RegistrationConflict.nameTaken(dataset.provider, dataset.nameZh);
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    private static void copyDraft(Dataset dataset, DatasetDraft draft) {
        dataset.nameZh = draft.nameZh().trim();
        dataset.nameEn = draft.nameEn().trim();
        dataset.description = draft.description() == null ? "" : draft.description().trim();
        dataset.category = draft.category();
        dataset.grade = Grade.valueOf(draft.grade());
        dataset.generalSublevel = draft.generalSublevel();
        dataset.providerName = draft.providerName().trim();
        dataset.updateFrequency = UpdateFrequency.valueOf(draft.updateFrequency());
        dataset.timeCoverageStart = draft.timeCoverageStart();
        dataset.timeCoverageEnd = draft.timeCoverageEnd();
        dataset.spatialCoverage = draft.spatialCoverage();
        dataset.rowCount = draft.rowCount() == null ? 0 : draft.rowCount();
        dataset.schema = new DatasetSchema(draft.columns());
        dataset.sharingType = SharingType.valueOf(draft.sharingType());
        dataset.sharingCondition = draft.sharingCondition();
        dataset.openness = Openness.valueOf(draft.openness());
        dataset.entityColumn = draft.entityColumn();
        dataset.returnReasons = new Dataset.ReturnReasons(List.of());
    }

    private static Dataset nextVersion(Dataset registered, int version, Subject subject) {
        Dataset next = new Dataset();
        next.id = UUID.randomUUID();
        next.lineageId = registered.lineageId;
        next.datasetVersion = version;
        next.nameZh = registered.nameZh;
        next.nameEn = registered.nameEn;
        next.description = registered.description;
        next.category = registered.category;
        next.grade = registered.grade;
        next.generalSublevel = registered.generalSublevel;
        next.provider = registered.provider;
        next.providerName = registered.providerName;
        next.updateFrequency = registered.updateFrequency;
        next.timeCoverageStart = registered.timeCoverageStart;
        next.timeCoverageEnd = registered.timeCoverageEnd;
        next.spatialCoverage = registered.spatialCoverage;
        next.rowCount = registered.rowCount;
        next.dataFile = registered.dataFile;
        next.entityColumn = registered.entityColumn;
        next.schema = registered.schema;
        next.sharingType = registered.sharingType;
        next.sharingCondition = registered.sharingCondition;
        next.openness = registered.openness;
        next.createdBy = subject.user();
        return next;
    }

    private static AuthzInput.Resource resource(Dataset dataset, String department, String createdBy) {
        return new AuthzInput.Resource("dataset", dataset == null ? null : dataset.id.toString(), null, department, createdBy);
    }
}
