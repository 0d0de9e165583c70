package io.pdx.contracts.disclosure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the annual disclosure of 授权运营 says for one calendar year (Asia/Shanghai): who was authorized for which
 * resources and scenarios, the products and their fees, and the revenue credited to public finance (收益归财政), from the
 * ledger. Amounts in whole fen (分), currency CNY; the totals equal the ledger's for the year.
 */
public record DisclosureContent(
        int year,
        @Schema(description = "Always CNY") String currency,
        @Schema(description = "Authorizations in force at some time in the year / 年度授权情况") List<Authorization> authorizations,
        @Schema(description = "Products listed at some time in the year, with their fees and revenue / 数据产品及收费") List<ProductFees> products,
        @Schema(description = "Revenue credited to public finance in the year, net of reversals / 年度收益（分）") long revenueFen,
        @Schema(description = "Charges in the year / 年度计费笔数") long charges,
        @Schema(description = "Charges reversed in the year / 年度冲销笔数") long reversals) {

    /** One operator's license of one product in the year. */
    public record Authorization(
            String organization,
            @Schema(description = "The operator's name / 运营单位名称") String organizationName,
            UUID licenseId,
            UUID productId,
            String productNameZh,
            String productNameEn,
            String datasetNameZh,
            String datasetNameEn,
            String purposeCategory,
            String mode,
            @Schema(description = "The product's application scenarios / 应用场景") List<String> scenarios,
            LocalDate termStart,
            LocalDate termEnd,
            @Schema(description = "The license's state when the disclosure was prepared") String state) {
    }

    /** A product's price rule, price changes in the year and the revenue it brought. */
    public record ProductFees(
            UUID productId,
            String nameZh,
            String nameEn,
            String provider,
            String priceKind,
            String pricePeriod,
            long unitPriceFen,
            long capFen,
            @Schema(description = "Price changes recorded in the year / 年内调价次数") int priceChanges,
            @Schema(description = "Revenue credited in the year, net of reversals / 年度收益（分）") long revenueFen) {
    }
}
