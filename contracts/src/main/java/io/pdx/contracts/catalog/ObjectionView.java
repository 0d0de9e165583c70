package io.pdx.contracts.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An objection as the API shows it: to its author, to the bureau and to the holding department. */
public record ObjectionView(
        UUID id,
        UUID datasetId,
        ObjectionStatus status,
        String reasons,
        String lodgedBy,
        OffsetDateTime lodgedAt,
        @Schema(description = "The reviewer's written answer, once dismissed or upheld / 书面答复") String answer,
        OffsetDateTime answeredAt,
        @Schema(required = true, description = "The transitions this caller may take on this objection now") List<String> actions) {

    public ObjectionView {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
