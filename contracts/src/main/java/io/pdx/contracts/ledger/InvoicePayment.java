package io.pdx.contracts.ledger;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The payment the bureau records against an invoice line: the reference of the transfer to the treasury (缴款凭证号). */
public record InvoicePayment(
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_REFERENCE, description = "The payment's reference / 缴款凭证号")
        String reference) {

    public static final int MAX_REFERENCE = 100;
}
