package io.pdx.marketplace.security;

import io.pdx.contracts.Role;
import io.pdx.contracts.policy.Subject;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.List;

/**
 * The policy subject of the current request, read from the verified access token: realm roles,
 * and the {@code org_id} / {@code department} claims. No token means the anonymous public.
 */
@RequestScoped
public class CurrentSubject {

    static final String ORGANIZATION_CLAIM = "org_id";
    static final String DEPARTMENT_CLAIM = "department";

    private final SecurityIdentity identity;

    public CurrentSubject(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Subject get() {
        if (identity.isAnonymous()) {
            return Subject.anonymous();
        }
        List<String> roles = identity.getRoles().stream()
                .filter(role -> Role.fromRealmName(role).isPresent())
                .sorted()
                .toList();
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token) {
            return new Subject(true, username(token), roles,
                    token.getClaim(ORGANIZATION_CLAIM), token.getClaim(DEPARTMENT_CLAIM));
        }
        return new Subject(true, principal.getName(), roles, null, null);
    }

    private static String username(JsonWebToken token) {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : token.getSubject();
    }
}
