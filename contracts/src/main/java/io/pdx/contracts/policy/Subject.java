package io.pdx.contracts.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Who is asking, as every policy package reads it under {@code input.subject}.
 *
 * @param authenticated false for the anonymous public
 * @param user          the token's {@code preferred_username} (or service-account name), null when anonymous
 * @param roles         realm role names ({@link io.pdx.contracts.Role#realmName()}), empty when anonymous
 * @param organization  the operator organization id from the {@code org_id} claim, or null
 * @param department    the provider department id from the {@code department} claim, or null
 * @param organization_status the standing of {@code organization} with the bureau, as marketplace-api read it for
 *                      this request: {@code UNREGISTERED} (no such organization yet), {@code UNVERIFIED},
 *                      {@code VERIFIED} or {@code SUSPENDED}; absent (not serialized) when not read. Package
 *                      {@code pdx.authz} refuses every operation of a subject whose organization is not in a status
 *                      that may act (deny by default).
 */
public record Subject(boolean authenticated, String user, List<String> roles, String organization, String department,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String organization_status) {

    public Subject {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A subject whose organization's standing has not been read (policies other than authz do not need it). */
    public Subject(boolean authenticated, String user, List<String> roles, String organization, String department) {
        this(authenticated, user, roles, organization, department, null);
    }

    /** The same subject with its organization's standing, as read now. */
    public Subject withOrganizationStatus(String status) {
        return new Subject(authenticated, user, roles, organization, department, status);
    }

    public static Subject anonymous() {
        return new Subject(false, null, List.of(), null, null);
    }
}
