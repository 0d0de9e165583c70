package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.marketplace.problem.FieldCheck;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clean-room fields of a job request, checked before anything is read: a field error each, never a 500. */
class JobRequestCheckTest {

    private static final UUID FIRST = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    @Test
    void aNullAmongTheJoinedLicenses_isNamedByItsIndex() {
        FieldCheck check = JobRequestCheck.of(request(FIRST, Arrays.asList(OTHER, null)));
        assertEquals(400, check.status());
        assertTrue(fields(check).contains("joinLicenseIds[1]"), fields(check).toString());
    }

    @Test
    void aLicenseNamedTwice_orTheFirstAgain_isARuleBroken() {
        assertEquals(List.of("joinLicenseIds"), fields(JobRequestCheck.of(request(FIRST, List.of(OTHER, OTHER)))));
        assertEquals(List.of("joinLicenseIds"), fields(JobRequestCheck.of(request(FIRST, List.of(FIRST)))));
        assertEquals(422, JobRequestCheck.of(request(FIRST, List.of(FIRST))).status());
    }

    @Test
    void moreThanTheLimit_isASchemaError() {
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i <= JobRequest.MAX_JOINED; i++) {
            many.add(UUID.randomUUID());
        }
        FieldCheck check = JobRequestCheck.of(request(FIRST, many));
        assertEquals(400, check.status());
        assertEquals(List.of("joinLicenseIds"), fields(check));
    }

    @Test
    void withoutTheFirstLicense_theCheckNamesIt_andDoesNotFail() {
        assertTrue(fields(JobRequestCheck.of(request(null, List.of(OTHER)))).contains("licenseId"));
    }

    @Test
    void distinctLicensesWithinTheLimit_pass() {
        assertTrue(JobRequestCheck.of(request(FIRST, List.of(OTHER))).errors().isEmpty());
        assertTrue(JobRequestCheck.of(request(FIRST, null)).errors().isEmpty());
    }

    private static JobRequest request(UUID first, List<UUID> joined) {
        return new JobRequest(first, "SELECT 1", null, null, null, joined);
    }

    private static List<String> fields(FieldCheck check) {
        return check.errors().stream().map(FieldError::field).toList();
    }
}
