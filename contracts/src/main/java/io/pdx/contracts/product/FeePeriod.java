package io.pdx.contracts.product;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * One price a product had and when (收费公示的历史价格): from {@code effectiveFrom} until {@code effectiveUntil} (null: in
 * force now, or until the product was withdrawn).
 */
public record FeePeriod(
        @Schema(description = "The unit price in fen / 单价（分）") long unitPriceFen,
        @Schema(description = "The cap in force / 上限（分）") long capFen,
        @Schema(description = "The basis of the price / 定价依据") String basis,
        @Schema(description = "In force from / 生效时间") OffsetDateTime effectiveFrom,
        @Schema(description = "In force until (null: still in force) / 失效时间", nullable = true) OffsetDateTime effectiveUntil) {
}
