package io.pdx.contracts.audit;

import java.time.OffsetDateTime;

/**
 * One event of the append-only, hash-chained audit trail.
 *
 * @param decisionId OPA's decision id, where a policy decided
 * @param detail     the event's detail as canonical JSON text (identifiers and decisions, never a data value)
 * @param prevHash   the hash of the event before
 * @param hash       SHA-256 of this event's canonical text, which starts with {@code prevHash}
 */
public record AuditEventView(long seq, OffsetDateTime at, String actor, String action, String resourceType, String resourceId,
                             String organization, String decisionId, String detail, String prevHash, String hash) {
}
