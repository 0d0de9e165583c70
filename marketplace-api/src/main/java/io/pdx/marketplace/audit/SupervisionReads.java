package io.pdx.marketplace.audit;

import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem;
import io.pdx.marketplace.security.BureauRoles;
import io.pdx.marketplace.security.CurrentSubject;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.Map;

/**
 * Every read of the regulator (监管) is audited: each successful GET of the API by a caller with the regulator role
 * appends a {@code supervision.read} event (the path read, its query and the status) to the audit chain before the answer
 * leaves. When the event cannot be written the answer does not leave either: 503, fail closed — a supervised read
 * that is not on record does not happen.
 */
public class SupervisionReads {

    private static final Logger LOG = Logger.getLogger(SupervisionReads.class);
    static final int MAX_ID = 64;
    static final int MAX_TEXT = 300;

    @Inject
    CurrentSubject currentSubject;
    @Inject
    AuditLog audit;

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!"GET".equals(request.getMethod()) || response.getStatus() >= 400 || !path.startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        Subject subject = currentSubject.get();
        if (!subject.authenticated() || !BureauRoles.regulator(subject)) {
            return Uni.createFrom().voidItem();
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        Map<String, Object> detail = Map.of("path", clip(path, MAX_TEXT), "query", query == null ? "" : clip(query, MAX_TEXT),
                "status", response.getStatus());
        return Panache.withTransaction(() -> audit.record(subject.user(), AuditAction.SUPERVISION_READ, "request",
                        clip(path, MAX_ID), null, null, detail))
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.errorf("a supervised read was not audited, so it is refused: %s", failure.getClass().getSimpleName());
                    response.setStatus(503);
                    response.getHeaders().putSingle("Content-Type", "application/problem+json");
                    response.setEntity(new Problem(Problem.type("audit-unavailable"),
                            "Audit unavailable / 审计服务不可用", 503,
                            "A supervisory read is answered only once it is on the audit chain; the chain could not be written.",
                            path, List.of()), null, MediaType.valueOf("application/problem+json"));
                    return null;
                });
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
