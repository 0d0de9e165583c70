package io.pdx.marketplace.problem;

import io.pdx.contracts.Grade;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request that breaks its schema is a 400 naming every error; one that only breaks a rule beyond it is a 422. */
class FieldCheckTest {

    @Test
    void schemaErrors_are400_withTheRulesErrorsBesideThem() {
        FieldCheck check = new FieldCheck().rule("termEnd", "must not be before termStart").schema("columns", "one or more column names");
        assertEquals(400, check.status());
        assertEquals(java.util.List.of("columns", "termEnd"), check.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void onlyRuleErrors_are422() {
        assertEquals(422, new FieldCheck().rule("uscc", "check character").status());
        assertTrue(new FieldCheck().valid());
    }

    @Test
    void text_countsCharacters_refusesNulAndBlank_asTheSchemaSays() {
        assertTrue(new FieldCheck().text("name", "😀".repeat(200), true, false, 200).valid(), "200 characters, 400 UTF-16 units");
        assertEquals("at most 200 characters", new FieldCheck().text("name", "a".repeat(201), true, false, 200).errors().get(0).message());
        assertEquals("must not contain the NUL character", new FieldCheck().text("name", "a\0", true, false, 200).errors().get(0).message());
        assertEquals("is required", new FieldCheck().text("name", "\u00A0 ", true, false, 200).errors().get(0).message());
        assertTrue(new FieldCheck().text("description", "   ", false, true, 10).valid(), "blank is allowed where the schema allows it");
        assertEquals(400, new FieldCheck().text("description", " ".repeat(11), false, true, 10).status(), "and its length still counts");
    }

    @Test
    void oneOf_namesTheConstantsExactly() {
        FieldCheck check = new FieldCheck();
        assertNull(check.oneOf("grade", " GENERAL", Grade.class, true));
        assertEquals("must be one of GENERAL, IMPORTANT, CORE", check.errors().get(0).message());
        assertEquals(Grade.CORE, new FieldCheck().oneOf("grade", "CORE", Grade.class, true));
        assertTrue(new FieldCheck().oneOf("grade", null, Grade.class, false) == null);
    }
}
