package io.pdx.contracts.licensing;

import io.pdx.contracts.Text;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.product.LicenseMode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An operator's application for a license (授权申请).
 *
 * @param purposeCategory PUBLIC_GOVERNANCE (公共治理), PUBLIC_WELFARE (公益事业), INDUSTRY_DEVELOPMENT
 *                        (产业发展) or SECTOR_DEVELOPMENT (行业发展)
 * @param mode            DELIVERY or SANDBOX
 */
@Schema(description = "An application for a license (授权申请). Checked beyond this schema (422): termEnd is not before "
        + "termStart. The policy then decides (秒批, review or deny) on the purpose, the columns and the product.")
public record LicenseApplication(
        @Schema(required = true, description = "The product applied for (GET /api/v1/products)")
        UUID productId,
        @Schema(required = true, enumeration = {"PUBLIC_GOVERNANCE", "PUBLIC_WELFARE", "INDUSTRY_DEVELOPMENT", "SECTOR_DEVELOPMENT"},
                description = "The purpose category (GET /api/v1/reference lists them with what each means)")
        String purposeCategory,
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_PURPOSE, description = "What the data is for, in words")
        String purposeText,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = ColumnSpec.Name.class, minItems = 1, maxItems = MAX_COLUMNS,
                description = "The product's columns asked for")
        List<String> columns,
        @Schema(required = true, type = SchemaType.STRING, implementation = LicenseMode.class)
        String mode,
        @Schema(required = true, description = "The first day of the term")
        LocalDate termStart,
        @Schema(required = true, description = "The last day of the term, not before termStart")
        LocalDate termEnd,
        @Schema(minimum = "0", maximum = "9223372036854775807", description = "Expected calls or rows, for the review")
        Long expectedVolume) {

    public static final int MAX_PURPOSE = 2000;
    public static final int MAX_COLUMNS = 500;
}
