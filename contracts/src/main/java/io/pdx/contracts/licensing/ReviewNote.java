package io.pdx.contracts.licensing;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer's reason for a decision on an application (required for a rejection). */
public record ReviewNote(
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_REASON, description = "Why (驳回理由)") String reason) {

    public static final int MAX_REASON = 1000;
}
