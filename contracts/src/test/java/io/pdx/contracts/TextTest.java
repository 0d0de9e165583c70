package io.pdx.contracts;

import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.identity.Uscc;
import io.pdx.contracts.organization.OrganizationRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text as a JSON Schema validator reads the document's patterns (ECMA-262), so that the API accepts what it documents. */
class TextTest {

    @Test
    void length_countsCharacters_notUtf16Units() {
        assertEquals(2, Text.length("😀😀"));
        assertEquals(4, Text.length("公交刷卡"));
    }

    @Test
    void blank_isOnlyEcmaSpace_includingNoBreakSpaceAndByteOrderMark() {
        assertTrue(Text.isBlank(" \t\n\u00A0\u3000\uFEFF"));
        assertFalse(Text.isBlank(" \u001C "), "U+001C is no ECMA-262 space (Java's isWhitespace says it is)");
        assertFalse(Text.isBlank(" a "));
        assertTrue(Text.isBlank(""));
    }

    @Test
    void matches_isTheWholeText_andDollarIsItsEnd() {
        assertTrue(Text.matches(OrganizationRequest.PHONE, "0591-12345678"));
        assertFalse(Text.matches(OrganizationRequest.PHONE, "0591-12345678\n"), "ECMA-262's $ takes no final line break");
        assertFalse(Text.matches(ColumnSpec.NAME, "Route"));
        assertTrue(Text.matches(Uscc.PATTERN, "91350100M000100Y43"));
        assertFalse(Text.matches(Uscc.PATTERN, "91350100M000100I43"), "I is not a GB 32100 symbol");
        assertTrue(Text.matches(OrganizationRequest.EMAIL, "ops@example.cn"));
        assertFalse(Text.matches(OrganizationRequest.EMAIL, "ops\u00A0x@example.cn"));
    }

    @Test
    void notBlank_refusesNul_andBlankText() {
        assertTrue(java.util.regex.Pattern.compile(Text.NOT_BLANK).matcher("公交 ").find());
        assertFalse(java.util.regex.Pattern.compile(Text.NOT_BLANK).matcher("  ").find());
        assertFalse(java.util.regex.Pattern.compile(Text.NOT_BLANK).matcher("a\0b").find());
        assertTrue(Text.hasNul("a\0b"));
    }

    @Test
    void theColumnTypesTheSchemaEnumerates_areTheOnesTheValidatorKnows() throws Exception {
        Schema type = ColumnSpec.class.getDeclaredField("type").getAnnotation(Schema.class);
        assertEquals(ColumnSpec.TYPES, Set.of(type.enumeration()));
    }
}
