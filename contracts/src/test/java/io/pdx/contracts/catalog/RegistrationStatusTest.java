package io.pdx.contracts.catalog;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegistrationStatusTest {

    @Test
    void editable_onlyDraftAndReturned() {
        for (RegistrationStatus status : RegistrationStatus.values()) {
            assertEquals(EnumSet.of(RegistrationStatus.DRAFT, RegistrationStatus.RETURNED).contains(status), status.editable(),
                    status.name());
        }
    }
}
