package io.pdx.contracts.policy;

import java.util.List;

/**
 * Who is asking, as every policy package reads it under {@code input.subject}.
 *
 * @param authenticated false for the anonymous public
 * @param user          the token's {@code preferred_username} (or service-account name), null when anonymous
 * @param roles         realm role names ({@link io.pdx.contracts.Role#realmName()}), empty when anonymous
 * @param organization  the operator organization id from the {@code org_id} claim, or null
 * @param department    the provider department id from the {@code department} claim, or null
 */
public record Subject(boolean authenticated, String user, List<String> roles, String organization, String department) {

    public Subject {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public static Subject anonymous() {
        return new Subject(false, null, List.of(), null, null);
    }
}
