package io.pdx.contracts.catalog;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationStatusTest {

    private static final Map<RegistrationStatus, Set<RegistrationStatus>> ALLOWED = Map.of(
            RegistrationStatus.DRAFT, Set.of(RegistrationStatus.SUBMITTED),
            RegistrationStatus.SUBMITTED, Set.of(RegistrationStatus.REGISTERED, RegistrationStatus.RETURNED),
            RegistrationStatus.RETURNED, Set.of(RegistrationStatus.SUBMITTED),
            RegistrationStatus.REGISTERED, Set.of(RegistrationStatus.SUPERSEDED),
            RegistrationStatus.SUPERSEDED, Set.of());

    @Test
    void canMoveTo_walksEveryPair_onlyTheTableAllows() {
        for (RegistrationStatus from : RegistrationStatus.values()) {
            for (RegistrationStatus to : RegistrationStatus.values()) {
                assertEquals(ALLOWED.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void editable_onlyDraftAndReturned() {
        for (RegistrationStatus status : RegistrationStatus.values()) {
            assertEquals(EnumSet.of(RegistrationStatus.DRAFT, RegistrationStatus.RETURNED).contains(status), status.editable(),
                    status.name());
        }
    }

    @Test
    void registered_neverGoesBackToDraft() {
        assertFalse(RegistrationStatus.REGISTERED.canMoveTo(RegistrationStatus.DRAFT));
        assertTrue(RegistrationStatus.REGISTERED.canMoveTo(RegistrationStatus.SUPERSEDED));
    }
}
