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
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The holding department (数源单位) of its dataset")
        String provider,
        String nameZh,
        String nameEn,
        List<LicenseMode> modes,
        PriceRule priceRule,
        ProductDescription description,
        String createdBy,
        OffsetDateTime createdAt,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The holding department's consent; absent: not listed to operators until the department consents / 数源单位同意")
        HolderConsent holderConsent,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "LISTED, or WITHDRAWN (下架: no new application; licenses granted keep their term)")
        ProductStatus status,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "When it was withdrawn / 下架时间")
        OffsetDateTime withdrawnAt,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Why it was withdrawn / 下架原因")
        String withdrawalReason,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "What the caller may do with the product now, e.g. withdraw")
        List<String> actions) {

    public ProductView {
        modes = modes == null ? List.of() : List.copyOf(modes);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** The same view offering {@code actions}. */
    public ProductView withActions(List<String> offered) {
        return new ProductView(id, datasetId, grade, provider, nameZh, nameEn, modes, priceRule, description, createdBy, createdAt,
                holderConsent, status, withdrawnAt, withdrawalReason, offered);
    }
}
