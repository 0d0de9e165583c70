package io.pdx.contracts.tracing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0f8fad5b-d9cb-469f-a165-70867728950e", "bench.42:7_a-b", "A"})
    void saneTokens_areKept(String id) {
        assertTrue(RequestId.sane(id));
        assertEquals(id, RequestId.acceptOrNew(id));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" abc", "a b", "abc\r\nINFO forged line", "-leading-dash", "semi;colon", "quote\"",
            "日志", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXRoYXQtaXMtbG9uZy1lbm91Z2gtdG8tYmUtYS10b2tlbg"})
    void anythingElse_isReplacedByAFreshId(String id) {
        assertFalse(RequestId.sane(id));
        String replaced = RequestId.acceptOrNew(id);
        assertNotEquals(id, replaced);
        assertTrue(RequestId.sane(replaced));
    }

    @Test
    void longerThanTheLimit_isReplaced() {
        assertTrue(RequestId.sane("a".repeat(RequestId.MAX_LENGTH)));
        assertFalse(RequestId.sane("a".repeat(RequestId.MAX_LENGTH + 1)));
    }

    @Test
    void freshIds_areSaneAndDistinct() {
        assertTrue(RequestId.sane(RequestId.fresh()));
        assertNotEquals(RequestId.fresh(), RequestId.fresh());
    }
}
