package io.pdx.marketplace.audit;

import io.pdx.marketplace.security.Operation;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.problem.InvalidParameter;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** The audit trail for the bureau: events in order, and a verification that recomputes the chain. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;

    public AuditResource(OperationGuard guard, CurrentSubject currentSubject) {
        this.guard = guard;
        this.currentSubject = currentSubject;
    }

    @GET
    @Path("/events")
    @WithSession
    public Uni<List<AuditEvent>> events(@QueryParam("resourceId") String resourceId,
                                        @QueryParam("afterSeq") @DefaultValue("0") long afterSeq,
                                        @QueryParam("size") @DefaultValue("100") int size) {
        if (size < 1 || size > 1000) {
            throw new InvalidParameter("size", "must be between 1 and 1000");
        }
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.AUDIT_READ, new AuthzInput.Resource("audit", null, null, null, null))
                .flatMap(allowed -> resourceId == null
                        ? AuditEvent.<AuditEvent>find("seq > ?1", Sort.by("seq"), afterSeq).page(0, size).list()
                        : AuditEvent.<AuditEvent>find("seq > ?1 and resourceId = ?2", Sort.by("seq"), afterSeq, resourceId)
                        .page(0, size).list());
    }

    /** Recomputes every hash from the first event: {@code valid}, the number of events, the first broken one. */
    @GET
    @Path("/verify")
    @WithSession
    public Uni<Map<String, Object>> verify() {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.AUDIT_VERIFY, new AuthzInput.Resource("audit", null, null, null, null))
                .flatMap(allowed -> AuditEvent.<AuditEvent>listAll(Sort.by("seq")))
                .map(events -> {
                    Long broken = AuditChain.firstBroken(events, AuditChain.GENESIS);
                    return broken == null
                            ? Map.<String, Object>of("valid", true, "events", events.size())
                            : Map.<String, Object>of("valid", false, "events", events.size(), "firstBrokenSeq", broken);
                });
    }
}
