package io.pdx.marketplace.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Appends audit events inside the caller's transaction, so an event exists exactly when the
 * change it records does. Appends are serialized by a transaction-scoped advisory lock, so the
 * chain has one order. Details hold identifiers and decisions, never tokens or data values.
 */
@ApplicationScoped
public class AuditLog {

    /** The advisory lock key of the audit chain. */
    static final long CHAIN_LOCK = 0x5044_5841_5544_4954L;
    /*
     * Both statements are HQL, not native SQL: Hibernate 7.2 caches a new plan for every execution of
     * a native query (their cache keys never match), so the cache fills with copies of them and each
     * execution searches the copies; the audit chain ran two such queries per event.
     */
    static final String LOCK_CHAIN = "select cast(function('pg_advisory_xact_lock', " + CHAIN_LOCK + "L) as String)";
    static final String LAST_HASH = "select e.hash from AuditEvent e order by e.seq desc";

    private final ObjectMapper json;
    private final Clock clock;

    public AuditLog(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public Uni<AuditEvent> record(String actor, AuditAction action, String resourceType, Object resourceId,
                                  String organization, String decisionId, Map<String, ?> detail) {
        return record(actor, action.action(), resourceType, resourceId, organization, decisionId, detail);
    }

    /** An event named by its action as stored, e.g. a transition's ({@code license.approve}). */
    public Uni<AuditEvent> record(String actor, String action, String resourceType, Object resourceId,
                                   String organization, String decisionId, Map<String, ?> detail) {
        return Panache.getSession().flatMap(session -> session
                .createSelectionQuery(LOCK_CHAIN, String.class).getSingleResult()
                // the last hash alone, in a statement of its own after the lock (its snapshot then sees every
                // event committed before; an event recorded earlier in this transaction is flushed first, as
                // the query reads its table), not the whole event made an entity of this session
                .flatMap(locked -> session.createSelectionQuery(LAST_HASH, String.class).setMaxResults(1)
                        .getSingleResultOrNull()))
                .flatMap(lastHash -> {
                    AuditEvent event = new AuditEvent();
                    event.at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                    event.actor = actor == null ? "anonymous" : actor;
                    event.action = action;
                    event.resourceType = resourceType;
                    event.resourceId = String.valueOf(resourceId);
                    event.organization = organization;
                    event.decisionId = decisionId;
                    event.detail = text(detail);
                    event.prevHash = lastHash == null ? AuditChain.GENESIS : lastHash;
                    event.hash = AuditChain.hash(event);
                    return event.<AuditEvent>persist();
                });
    }

    private String text(Map<String, ?> detail) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(detail));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
