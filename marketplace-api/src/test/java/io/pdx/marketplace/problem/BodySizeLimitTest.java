package io.pdx.marketplace.problem;

import io.pdx.marketplace.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A body over the limit (1 MiB) is a 413 problem whatever its size — one of 11 MB, far past the HTTP layer's own cap
 * (4 MiB, an empty 413 before), sent in one go with its length stated, included: the client reads the problem, not a
 * reset connection, and the connection stays usable. A body under the limit is read as usual.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class BodySizeLimitTest {

    @Test
    void anElevenMegabyteBody_is413WithAProblem() {
        tooLarge(11 * 1000 * 1000, KeycloakTokens.of("operator-a"));
    }

    @Test
    void aTwoMegabyteBody_is413WithAProblem_signedInOrNot() {
        tooLarge(2 * 1024 * 1024, KeycloakTokens.of("operator-a"));
        tooLarge(2 * 1024 * 1024, null);
    }

    @Test
    void aBodyUnderTheLimit_isRead() {
        given().auth().oauth2(KeycloakTokens.of("operator-a")).contentType(ContentType.JSON).body(json(1000))
                .post("/api/v1/organizations").then().statusCode(not(equalTo(413)));
    }

    private static void tooLarge(int bytes, String token) {
        var request = given().contentType(ContentType.JSON).body(json(bytes));
        (token == null ? request : request.auth().oauth2(token)).post("/api/v1/organizations").then()
                .statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("payload-too-large"))
                .body("status", equalTo(413))
                .body("detail", containsString(bytes + " bytes"));
    }

    /** A JSON document of exactly {@code bytes} bytes. */
    static byte[] json(int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) 'x');
        byte[] head = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[bytes - 2] = '"';
        body[bytes - 1] = '}';
        return body;
    }
}
