package io.pdx.contracts;

import java.util.Optional;

/** Realm roles of Keycloak realm {@code pdx}; anonymous callers carry none. */
public enum Role {
    OPERATOR("operator"),
    DEVELOPER("developer"),
    PROVIDER("provider"),
    BUREAU_REVIEWER("bureau-reviewer"),
    BUREAU_ADMIN("bureau-admin"),
    /** 监管: reads plans, licenses, the ledger, the audit trail and disclosures across organizations; changes nothing. */
    REGULATOR("regulator");

    private final String realmName;

    Role(String realmName) {
        this.realmName = realmName;
    }

    /** The role's name in the realm and in the policy input document. */
    public String realmName() {
        return realmName;
    }

    public static Optional<Role> fromRealmName(String name) {
        for (Role role : values()) {
            if (role.realmName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
