package io.pdx.contracts.satisfaction;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A rating as its author and the bureau see it. */
public record RatingView(
        UUID id,
        ServiceEventKind eventKind,
        UUID eventId,
        SatisfactionLevel level,
        @Schema(description = "Comment / 评价内容") String comment,
        String ratedBy,
        OffsetDateTime ratedAt,
        @Schema(description = "The case a poor rating opened / 差评工单") UUID caseId) {
}
