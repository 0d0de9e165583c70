package io.pdx.contracts.ledger;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * An operator's maximum allowed revenue for a year (最高准许收入 = 经营成本 + 合理利润 + 税金), in whole fen, with the basis the
 * bureau sets it on (a cost survey, a decision).
 */
public record AllowanceRequest(
        @Schema(required = true, type = SchemaType.INTEGER, minimum = "0", maximum = MAX_FEN, description = "Operating cost / 经营成本（分）")
        BigDecimal costFen,
        @Schema(required = true, type = SchemaType.INTEGER, minimum = "0", maximum = MAX_FEN, description = "Allowed profit / 合理利润（分）")
        BigDecimal profitFen,
        @Schema(required = true, type = SchemaType.INTEGER, minimum = "0", maximum = MAX_FEN, description = "Tax / 税金（分）")
        BigDecimal taxFen,
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_BASIS, description = "The basis / 核定依据")
        String basis) {

    public static final int MAX_BASIS = 500;
    /** Each part at most 10^15 fen, so that their sum stays exact in a long. */
    public static final String MAX_FEN = "1000000000000000";
}
