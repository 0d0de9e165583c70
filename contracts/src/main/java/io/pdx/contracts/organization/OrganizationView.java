package io.pdx.contracts.organization;

import java.time.OffsetDateTime;

/** An operator organization as the API shows it; {@code id} is its 统一社会信用代码 (the {@code org_id} token claim). */
public record OrganizationView(String id, String name, String legalRepresentative, String contactName,
                               String contactPhone, String contactEmail, OrganizationStatus status,
                               String registeredBy, String verifiedBy, OffsetDateTime createdAt,
                               OffsetDateTime updatedAt, long lockVersion) {
}
