package io.pdx.contracts.audit;

/**
 * The audit chain recomputed from its first event.
 *
 * @param valid          every link and hash holds
 * @param events         events checked
 * @param firstBrokenSeq the first event whose link or hash does not hold, or null
 */
public record AuditVerification(boolean valid, long events, Long firstBrokenSeq) {
}
