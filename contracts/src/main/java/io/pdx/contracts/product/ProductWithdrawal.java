package io.pdx.contracts.product;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a product is withdrawn (下架原因), shown to operators with the product. */
public record ProductWithdrawal(
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_REASON, description = "Why the product is withdrawn / 下架原因")
        String reason) {

    public static final int MAX_REASON = 500;
}
