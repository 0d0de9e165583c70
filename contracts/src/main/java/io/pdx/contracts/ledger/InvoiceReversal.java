package io.pdx.contracts.ledger;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a charge is reversed (冲销原因): recorded in the audit chain with the reversing journal. */
public record InvoiceReversal(
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_REASON, description = "Why the charge is reversed / 冲销原因")
        String reason) {

    public static final int MAX_REASON = 500;
}
