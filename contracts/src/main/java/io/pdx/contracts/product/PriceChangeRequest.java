package io.pdx.contracts.product;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * A new unit price for a listed product (调价), within its cap, with the basis the bureau sets it on (定价依据). It takes
 * effect when it is recorded and is published in the product's fee notice (收费公示) with the prices before it.
 */
public record PriceChangeRequest(
        @Schema(required = true, type = SchemaType.INTEGER, minimum = "0", maximum = "9223372036854775807", description = "The new unit price in fen (分), a whole number; never above the product's cap / 新单价（分）")
        BigDecimal unitPriceFen,
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_BASIS, description = "The basis of the price (cost survey, decision number) / 定价依据")
        String basis) {

    public static final int MAX_BASIS = 500;
}
