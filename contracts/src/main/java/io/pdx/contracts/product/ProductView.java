package io.pdx.contracts.product;

import io.pdx.contracts.Grade;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A data product (数据产品) as the API shows it; {@code grade} is its dataset's. */
public record ProductView(
        UUID id,
        UUID datasetId,
        Grade grade,
        String nameZh,
        String nameEn,
        List<LicenseMode> modes,
        PriceRule priceRule,
        ProductDescription description,
        String createdBy,
        OffsetDateTime createdAt,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The holding department's consent; absent: not listed to operators until the department consents / 数源单位同意")
        HolderConsent holderConsent) {

    public ProductView {
        modes = modes == null ? List.of() : List.copyOf(modes);
    }
}
