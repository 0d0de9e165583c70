package io.pdx.contracts.licensing;

import java.util.Map;
import java.util.Set;

/** The life cycle of a license (授权); the only way between states is this table. */
public enum LicenseState {
    APPLIED, IN_REVIEW, APPROVED, DENIED, REJECTED, ACTIVE, SUSPENDED, REVOKED, EXPIRED;

    private static final Map<LicenseState, Set<LicenseState>> NEXT = Map.of(
            APPLIED, Set.of(APPROVED, IN_REVIEW, DENIED),
            IN_REVIEW, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(ACTIVE),
            ACTIVE, Set.of(SUSPENDED, REVOKED, EXPIRED),
            SUSPENDED, Set.of(ACTIVE, REVOKED, EXPIRED));

    public boolean canMoveTo(LicenseState to) {
        return NEXT.getOrDefault(this, Set.of()).contains(to);
    }
}
