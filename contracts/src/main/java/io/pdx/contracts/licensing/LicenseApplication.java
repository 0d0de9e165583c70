package io.pdx.contracts.licensing;

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
public record LicenseApplication(UUID productId, String purposeCategory, String purposeText, List<String> columns,
                                 String mode, LocalDate termStart, LocalDate termEnd, Long expectedVolume) {
}
