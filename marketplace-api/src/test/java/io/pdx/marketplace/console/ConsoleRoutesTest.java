package io.pdx.marketplace.console;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's own addresses answer its index.html (a reload works), the API and Quarkus' pages are untouched. */
@Tag("stack")
@QuarkusTest
class ConsoleRoutesTest {

    @Test
    void aPageOfTheConsole_isItsIndex_revalidatedOnEveryLoad() {
        org.junit.jupiter.api.Assumptions.assumeTrue(getClass().getResource("/META-INF/resources/index.html") != null,
                "web-ui/dist is not built (./pdx test builds it before the Maven part)");
        String index = given().get("/").then().statusCode(200).header("Cache-Control", equalTo("no-cache"))
                .contentType(containsString("text/html")).extract().asString();
        for (String page : new String[] {"/licenses/6f1c9f4e-2b8a-4d53-8f0e-3a7d9c1b2e4f", "/auth/callback", "/workspace",
                "/review/jobs/x"}) {
            given().get(page).then().statusCode(200).header("Cache-Control", equalTo("no-cache"))
                    .body(equalTo(index));
        }
    }

    @Test
    void theApiAndQuarkusPages_areNotTheConsoles() {
        given().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200).header("Cache-Control", not(equalTo("no-cache")));
        given().post("/licenses/x").then().statusCode(not(200));
    }

    @Test
    void aMissingAsset_isA404ThatIsNotCachedForAYear() {
        given().get("/assets/no-such-file-1234.js").then().statusCode(404).header("Cache-Control", nullValue());
    }

    @Test
    void routing_decidesByPathAlone() {
        assertTrue(ConsoleRoutes.consolePath("/"));
        assertTrue(ConsoleRoutes.consolePath("/apiary"));
        assertFalse(ConsoleRoutes.consolePath("/api/v1/datasets"));
        assertFalse(ConsoleRoutes.consolePath("/q/openapi"));
        assertTrue(ConsoleRoutes.isFile("/favicon.svg"));
        assertFalse(ConsoleRoutes.isFile("/licenses/abc"));
    }
}
