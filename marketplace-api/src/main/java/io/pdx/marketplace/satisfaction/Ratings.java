package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.Page;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.satisfaction.CaseOrigin;
import io.pdx.contracts.satisfaction.RatingRequest;
import io.pdx.contracts.satisfaction.RatingView;
import io.pdx.contracts.satisfaction.ServiceEventKind;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.paging.PageRequest;
import io.pdx.marketplace.security.BureauRoles;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ratings (好差评): the person served by a decided service event rates it once, on five levels with a comment; a poor
 * rating opens a case in the same transaction. Authors read their own ratings, the bureau every one. Each rating is
 * audited ({@code rating.create}), never with its comment.
 */
@ApplicationScoped
public class Ratings {

    private final OperationGuard guard;
    private final ServiceEvents events;
    private final CaseOpening cases;
    private final AuditLog audit;
    private final Clock clock;

    public Ratings(OperationGuard guard, ServiceEvents events, CaseOpening cases, AuditLog audit, Clock clock) {
        this.guard = guard;
        this.events = events;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** Order of refusals: not allowed (403), bad input (400), no event of the caller's (404), not decided or rated already (409). */
    Uni<RatingView> rate(Subject subject, RatingRequest request) {
        return guard.require(subject, Operation.RATING_CREATE, resource(subject))
                .map(allowed -> SatisfactionRequests.rating(request))
                .flatMap(rating -> Panache.withTransaction(() -> events.rateable(rating.kind(), rating.eventId(), subject)
                        .call(event -> Rating.count("eventKind = ?1 and eventId = ?2 and ratedBy = ?3", event.kind(), event.id(),
                                subject.user()).invoke(earlier -> {
                                    if (earlier > 0) {
                                        throw new SatisfactionProblems.RatingExists();
                                    }
                                }))
                        .flatMap(event -> {
                            OffsetDateTime now = OffsetDateTime.now(clock);
                            Uni<UUID> opened = rating.level().poor()
                                    ? cases.open(event, CaseOrigin.RATING, rating.level(), rating.text(), subject, now).map(c -> c.id)
                                    : Uni.createFrom().nullItem();
                            return opened.flatMap(caseId -> persisted(event, rating, caseId, subject, now));
                        })
                        .call(rated -> audit.record(subject.user(), "rating.create", "rating", rated.id, rated.organization, null,
                                rated.auditDetail()))))
                .map(Rating::toView);
    }

    private static Uni<Rating> persisted(ServiceEvent event, SatisfactionRequests request, UUID caseId, Subject subject,
                                         OffsetDateTime now) {
        Rating rating = new Rating();
        rating.id = UUID.randomUUID();
        rating.eventKind = event.kind();
        rating.eventId = event.id();
        rating.level = request.level();
        rating.comment = request.text();
        rating.ratedBy = subject.user();
        rating.organization = event.organization();
        rating.department = event.department();
        rating.caseId = caseId;
        rating.createdAt = now;
        // the unique constraint settles two ratings racing past the count above
        return rating.<Rating>persist().call(Panache::flush).onFailure().transform(Ratings::ratedAlready);
    }

    static Throwable ratedAlready(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null
                    && violation.getConstraintName().toLowerCase(java.util.Locale.ROOT).contains(Rating.ONCE)) {
                return new SatisfactionProblems.RatingExists();
            }
        }
        return failure;
    }

    /** The caller's own ratings (every one for the bureau), newest first; {@code kind} and {@code eventId} narrow. */
    Uni<Page<RatingView>> list(Subject subject, ServiceEventKind kind, UUID eventId, PageRequest paging) {
        return guard.require(subject, Operation.RATING_LIST, resource(subject)).flatMap(allowed -> {
            List<String> where = new ArrayList<>();
            Map<String, Object> parameters = new HashMap<>();
            if (!BureauRoles.of(subject)) {
                where.add("ratedBy = :user");
                parameters.put("user", subject.user());
            }
            if (kind != null) {
                where.add("eventKind = :kind");
                parameters.put("kind", kind);
            }
            if (eventId != null) {
                where.add("eventId = :event");
                parameters.put("event", eventId);
            }
            Sort newest = Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);
            return paging.page(where.isEmpty() ? Rating.<Rating>findAll(newest)
                    : Rating.<Rating>find(String.join(" and ", where), newest, parameters), Rating::toView);
        });
    }

    /** One of the caller's ratings (any, for the bureau); another person's is 404. */
    Uni<RatingView> read(Subject subject, UUID id) {
        return guard.require(subject, Operation.RATING_LIST, resource(subject))
                .flatMap(allowed -> Rating.<Rating>findById(id))
                .map(rating -> {
                    if (rating == null || !BureauRoles.of(subject) && !rating.ratedBy.equals(subject.user())) {
                        throw new SatisfactionProblems.RatingNotFound(id);
                    }
                    return rating.toView();
                });
    }

    private static AuthzInput.Resource resource(Subject subject) {
        return new AuthzInput.Resource("rating", null, subject.organization(), subject.department(), subject.user());
    }
}
