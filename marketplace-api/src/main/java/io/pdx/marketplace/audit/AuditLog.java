package io.pdx.marketplace.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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

    private final ObjectMapper json;

    public AuditLog(ObjectMapper json) {
        this.json = json;
    }

    public Uni<AuditEvent> record(String actor, String action, String resourceType, Object resourceId,
                                  String organization, String decisionId, Map<String, ?> detail) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")")
                        .getSingleResult())
                .flatMap(locked -> AuditEvent.<AuditEvent>find("order by seq desc").<AuditEvent>firstResult())
                .flatMap(last -> {
                    AuditEvent event = new AuditEvent();
                    event.at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                    event.actor = actor == null ? "anonymous" : actor;
                    event.action = action;
                    event.resourceType = resourceType;
                    event.resourceId = String.valueOf(resourceId);
                    event.organization = organization;
                    event.decisionId = decisionId;
                    event.detail = text(detail);
                    event.prevHash = last == null ? AuditChain.GENESIS : last.hash;
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
