package io.pdx.contracts.organization;

import java.time.OffsetDateTime;

/** An operator organization as the API shows it; {@code id} is its 统一社会信用代码 (the {@code org_id} token claim). */
public record OrganizationView(String id, String name, String legalRepresentative, String contactName,
                               String contactPhone, String contactEmail, OrganizationStatus status,
                               String registeredBy, String verifiedBy, OffsetDateTime createdAt,
                               OffsetDateTime updatedAt, long lockVersion,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "The transitions this caller may take on this resource now (the endpoint's last path segment), as the policy and the state machine allow / 当前调用者此刻可执行的操作") java.util.List<String> actions) {

    public OrganizationView {
        actions = actions == null ? java.util.List.of() : java.util.List.copyOf(actions);
    }

    /** The same view offering {@code actions} to its caller. */
    public OrganizationView withActions(java.util.List<String> actions) {
        return new OrganizationView(id, name, legalRepresentative, contactName, contactPhone, contactEmail, status, registeredBy, verifiedBy, createdAt, updatedAt, lockVersion, actions);
    }

}
