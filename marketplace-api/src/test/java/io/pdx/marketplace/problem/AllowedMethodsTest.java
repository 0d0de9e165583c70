package io.pdx.marketplace.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedMethodsTest {

    @Test
    void aTemplateMatchesOneSegmentPerVariable() {
        var accept = AllowedMethods.template("/api/v1/licenses/{id}/accept");
        assertTrue(accept.matcher("/api/v1/licenses/6f1c9f4e-2b8a-4d53-8f0e-3a7d9c1b2e4f/accept").matches());
        assertTrue(accept.matcher("/api/v1/licenses/x/accept/").matches());
        assertFalse(accept.matcher("/api/v1/licenses/a/b/accept").matches());
        assertFalse(accept.matcher("/api/v1/licenses//accept").matches());
        assertTrue(AllowedMethods.template("/api/v1/sandbox/jobs/").matcher("/api/v1/sandbox/jobs").matches());
        assertFalse(AllowedMethods.template("/api/v1/a.b").matcher("/api/v1/aXb").matches(), "literal parts are quoted");
    }
}
