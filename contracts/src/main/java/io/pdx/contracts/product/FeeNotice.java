package io.pdx.contracts.product;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A product's fee notice (收费公示): what it costs now, its cap and basis, since when, and every price it had before —
 * public, for anyone to read before applying.
 */
public record FeeNotice(
        UUID productId,
        String nameZh,
        String nameEn,
        @Schema(description = "The holding department / 数源单位") String provider,
        ProductStatus status,
        @Schema(description = "The price in force / 现行价格") PriceRule priceRule,
        @Schema(description = "The basis of the price in force / 现行定价依据") String basis,
        @Schema(description = "Listed at / 上架时间") OffsetDateTime listedAt,
        @Schema(description = "Withdrawn at (null: listed) / 下架时间", nullable = true) OffsetDateTime withdrawnAt,
        @Schema(description = "Every price the product had, oldest first / 历史价格") List<FeePeriod> history) {
}
