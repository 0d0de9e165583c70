package io.pdx.marketplace.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which bearer tokens reach OIDC: only the shape of a JWT (a lone dot or empty parts made OIDC throw, a 500). */
class MalformedBearerTest {

    @Test
    void onlyThreeBase64UrlParts_goOn() {
        assertTrue(MalformedBearer.wellFormed("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"));
        assertTrue(MalformedBearer.wellFormed("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."), "an unsigned JWT goes on, to be refused by OIDC");
        for (String token : new String[] {"", ".", "..", "a.", ".b.c", "a..c", "a.b", "not-a-jwt", "a.b.c.d", "a b.c.d", "ä.b.c"}) {
            assertFalse(MalformedBearer.wellFormed(token), token);
        }
    }
}
