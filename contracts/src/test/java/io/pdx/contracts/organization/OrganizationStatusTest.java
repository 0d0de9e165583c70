package io.pdx.contracts.organization;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrganizationStatusTest {

    private static final Map<OrganizationStatus, Set<OrganizationStatus>> ALLOWED = Map.of(
            OrganizationStatus.UNVERIFIED, Set.of(OrganizationStatus.VERIFIED),
            OrganizationStatus.VERIFIED, Set.of(OrganizationStatus.SUSPENDED),
            OrganizationStatus.SUSPENDED, Set.of(OrganizationStatus.VERIFIED));

    @Test
    void canMoveTo_walksEveryPair_onlyTheTableAllows() {
        for (OrganizationStatus from : OrganizationStatus.values()) {
            for (OrganizationStatus to : OrganizationStatus.values()) {
                assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }
}
