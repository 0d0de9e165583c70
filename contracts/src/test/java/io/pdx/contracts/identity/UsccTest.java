package io.pdx.contracts.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "91440300708461136T"})
    void isValid_forPublishedExamples_isTrue(String code) {
        assertTrue(Uscc.isValid(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91110000600037341K", "91440300708461136U"})
    void isValid_withWrongCheckCharacter_isFalse(String code) {
        assertFalse(Uscc.isValid(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y430", "91350100I000100Y43", "91350100m000100Y43"})
    void isValid_withWrongLengthOrSymbols_isFalse(String code) {
        assertFalse(Uscc.isValid(code));
    }

    @Test
    void isValid_forNull_isFalse() {
        assertFalse(Uscc.isValid(null));
    }

    @Test
    void checkCharacter_whenSumIsMultipleOf31_isZero() {
        // seventeen zeros sum to 0, so r = 31 - 0 = 31, which maps to '0'
        assertEquals('0', Uscc.checkCharacter("00000000000000000"));
    }

    @Test
    void checkCharacter_rejectsSymbolsOutsideAlphabet() {
        assertThrows(IllegalArgumentException.class, () -> Uscc.checkCharacter("9135010OM000100Y4"));
    }
}
