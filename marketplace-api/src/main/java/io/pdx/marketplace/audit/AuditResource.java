package io.pdx.marketplace.audit;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.pdx.marketplace.security.Operation;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.paging.PageRequest;
import io.pdx.contracts.Page;
import io.pdx.contracts.audit.AuditEventView;
import io.pdx.contracts.audit.AuditVerification;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;


/** The audit trail for the bureau: events in order, and a verification that recomputes the chain. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
// only authenticated callers: 401 before any lookup or validation (an anonymous caller is never told 404 or 400)
@io.quarkus.security.Authenticated
public class AuditResource {

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;

    public AuditResource(OperationGuard guard, CurrentSubject currentSubject) {
        this.guard = guard;
        this.currentSubject = currentSubject;
    }

    /**
     * Events in chain order after {@code afterSeq} (a cursor: the last {@code seq} read), optionally of one resource;
     * {@code total} counts the events after the cursor under the same filter.
     */
    @GET
    @Path("/events")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listAuditEvents", summary = "Audit events / 审计事件", description = "In chain order after afterSeq; bureau administrator only.")
    public Uni<Page<AuditEventView>> events(@QueryParam("resourceId") String resourceId,
                                            @QueryParam("afterSeq") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647", defaultValue = "0")) String afterSeq,
                                            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
                                            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100")) String size) {
        PageRequest paging = PageRequest.of(page, size, 100, 1000);
        long after = PageRequest.integer("afterSeq", afterSeq, 0, 0, Integer.MAX_VALUE);
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.AUDIT_READ, new AuthzInput.Resource("audit", null, null, null, null))
                .flatMap(allowed -> paging.page(resourceId == null
                        ? AuditEvent.<AuditEvent>find("seq > ?1", Sort.by("seq"), after)
                        : AuditEvent.<AuditEvent>find("seq > ?1 and resourceId = ?2", Sort.by("seq"), after, resourceId),
                        AuditEvent::toView));
    }

    /** Recomputes every hash from the first event: {@code valid}, the number of events, the first broken one. */
    @GET
    @Path("/verify")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "verifyAuditChain", summary = "Verify the chain / 校验审计链", description = "Recomputes every hash from the first event.")
    public Uni<AuditVerification> verify() {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.AUDIT_VERIFY, new AuthzInput.Resource("audit", null, null, null, null))
                .flatMap(allowed -> AuditEvent.<AuditEvent>listAll(Sort.by("seq")))
                .map(events -> {
                    Long broken = AuditChain.firstBroken(events, AuditChain.GENESIS);
                    return new AuditVerification(broken == null, events.size(), broken);
                });
    }
}
