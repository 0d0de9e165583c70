package io.pdx.marketplace.catalog;

import org.junit.jupiter.api.Tag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Catalog search over the real PostgreSQL (trigram index, GROUPING SETS facets) with visibility
 * from the real OPA. The datasets of this class belong to a provider id of its own, so filters on
 * it see exactly them.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class CatalogSearchTest {

    private static String provider;
    private static Dataset busGeneral;
    private static Dataset busImportant;
    private static Dataset airGeneral;
    private static Dataset busDraft;

    @BeforeEach
    void datasets() {
        if (provider != null) {
            return;
        }
        provider = "dept-search-" + UUID.randomUUID().toString().substring(0, 8);
        busGeneral = TestDatasets.persist("公交刷卡记录", Grade.GENERAL, provider, RegistrationStatus.REGISTERED, d -> {
            d.nameEn = "Bus card swipes";
            d.rowCount = 100;
        });
        busImportant = TestDatasets.persist("公交乘客画像", Grade.IMPORTANT, provider, RegistrationStatus.REGISTERED, d -> {
            d.nameEn = "Bus rider profiles";
            d.rowCount = 300;
        });
        airGeneral = TestDatasets.persist("空气质量", Grade.GENERAL, provider, RegistrationStatus.REGISTERED, d -> {
            d.nameEn = "Air quality 100%";
            d.category = "生态/环境监测";
            d.rowCount = 200;
        });
        busDraft = TestDatasets.persist("公交草稿", Grade.GENERAL, provider, RegistrationStatus.DRAFT);
    }

    private static String id(Dataset dataset) {
        return dataset.id.toString();
    }

    @Test
    void chineseKeyword_findsTheBusDatasets_visibleToTheCaller() {
        given().queryParam("q", "公交").queryParam("provider", provider)
                .get("/api/v1/datasets")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(id(busGeneral)));
        given().auth().oauth2(KeycloakTokens.of("operator-a")).queryParam("q", "公交").queryParam("provider", provider)
                .get("/api/v1/datasets")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", not(hasItem(id(busDraft))));
    }

    @Test
    void englishKeywords_matchIgnoringCase_allTermsRequired() {
        given().queryParam("q", "BUS swipes").queryParam("provider", provider)
                .get("/api/v1/datasets")
                .then().statusCode(200)
                .body("items.id", contains(id(busGeneral)));
    }

    @Test
    void percentInAKeyword_isLiteral() {
        given().queryParam("q", "100%").queryParam("provider", provider)
                .get("/api/v1/datasets")
                .then().statusCode(200)
                .body("items.id", contains(id(airGeneral)));
    }

    @Test
    void facets_countOnlyWhatTheCallerMaySee() {
        given().queryParam("provider", provider)
                .get("/api/v1/datasets")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("facets.grade.GENERAL", equalTo(2))
                .body("facets.grade", not(hasKey("IMPORTANT")))
                .body("facets.category.'交通/公共交通'", equalTo(1))
                .body("facets.category.'生态/环境监测'", equalTo(1))
                .body("facets.provider." + provider, equalTo(2));
        given().auth().oauth2(KeycloakTokens.of("bureau-admin")).queryParam("provider", provider)
                .get("/api/v1/datasets")
                .then().statusCode(200)
                .body("total", equalTo(4))
                .body("facets.grade.GENERAL", equalTo(3))
                .body("facets.grade.IMPORTANT", equalTo(1));
    }

    @Test
    void firstLevelCategory_matchesItsSubcategories_andFiltersCombine() {
        given().auth().oauth2(KeycloakTokens.of("operator-b"))
                .queryParam("provider", provider).queryParam("category", "交通").queryParam("grade", "IMPORTANT")
                .get("/api/v1/datasets")
                .then().statusCode(200)
                .body("items.id", contains(id(busImportant)));
    }

    @Test
    void sortAndPage() {
        given().auth().oauth2(KeycloakTokens.of("operator-a"))
                .queryParam("provider", provider).queryParam("sort", "-rowCount")
                .get("/api/v1/datasets")
                .then().statusCode(200)
                .body("items.id", contains(id(busImportant), id(airGeneral), id(busGeneral)));
        given().auth().oauth2(KeycloakTokens.of("operator-a"))
                .queryParam("provider", provider).queryParam("sort", "rowCount").queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/datasets")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains(id(airGeneral)));
    }

    @Test
    void badParameters_areProblemsNamingThem() {
        for (var bad : List.of(List.of("sort", "price"), List.of("openness", "SOMETIMES"), List.of("status", "LOST"),
                List.of("q", "x".repeat(101)), List.of("page", "-1"))) {
            given().queryParam(bad.get(0), bad.get(1))
                    .get("/api/v1/datasets")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(bad.get(0)));
        }
    }
}
