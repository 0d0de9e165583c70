package io.pdx.contracts.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * How a dataset (every version of its lineage) is used, for its holding department and the bureau: aggregates only —
 * licenses in force by organization and purpose, sandbox calls per month, revenue credited to public finance (收益归财政)
 * per month; never a statement, a result or a row.
 */
public record DatasetUsage(
        List<LicensesInForce> licensesInForce,
        @Schema(description = "The last twelve months, oldest first (months without calls are listed with 0)") List<Month> months,
        long revenueFenTotal) {

    public DatasetUsage {
        licensesInForce = licensesInForce == null ? List.of() : List.copyOf(licensesInForce);
        months = months == null ? List.of() : List.copyOf(months);
    }

    /** Licenses in force today of one organization for one purpose category. */
    public record LicensesInForce(String organization, String organizationName, String purposeCategory, long licenses) {
    }

    /** One month ({@code yyyy-MM}): sandbox calls on the dataset's licenses and the revenue invoiced for them. */
    public record Month(String month, long calls, long revenueFen) {
    }
}
