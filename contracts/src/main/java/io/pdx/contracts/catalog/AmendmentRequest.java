package io.pdx.contracts.catalog;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A later registration of a registered resource: its type and why (变更、更正或注销登记的申请). */
public record AmendmentRequest(
        @Schema(required = true, enumeration = {"CHANGE", "CORRECTION", "CANCELLATION"},
                description = "CHANGE: its content changes (a new version); CORRECTION: its record is corrected; CANCELLATION: it is cancelled and its products delisted")
        String type,
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_REASON, description = "Why / 理由")
        String reason) {

    public static final int MAX_REASON = 500;
}
