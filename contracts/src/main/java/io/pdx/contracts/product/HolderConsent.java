package io.pdx.contracts.product;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The holding department's consent to a product's listing (数源单位同意): who gave or recorded it and when, the
 * document it rests on, and — where the department asked for it — the operators it is limited to.
 */
public record HolderConsent(
        OffsetDateTime givenAt,
        String givenBy,
        @Schema(description = "The consent's document (the department's letter, or that the department listed the product itself) / 同意依据")
        String document,
        @Schema(description = "The operator organizations (统一社会信用代码) the consent is limited to; empty: every operator")
        List<String> organizations) {

    public HolderConsent {
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
    }
}
