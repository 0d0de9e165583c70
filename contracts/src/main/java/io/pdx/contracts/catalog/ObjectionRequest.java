package io.pdx.contracts.catalog;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An objection (异议) to a registration in publicity, with its reasons. */
public record ObjectionRequest(
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_REASONS, description = "Why the registration should not stand / 异议理由")
        String reasons) {

    public static final int MAX_REASONS = 2000;
}
