package io.pdx.marketplace.dcat;

import org.junit.jupiter.api.Tag;
import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/v1/datasets/{id}/dcat against the real stack; each answer is expanded by a JSON-LD 1.1
 * processor (Titanium), so the assertions are on full IRIs and typed values, not on how the
 * document happens to be compacted.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class DcatResourceTest {

    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final String ACCESS_RIGHT = "http://publications.europa.eu/resource/authority/access-right/";
    private static final String ARROW_STREAM =
            "https://www.iana.org/assignments/media-types/application/vnd.apache.arrow.stream";
    /** 交通/公共交通, each level percent-encoded. */
    private static final String PUBLIC_TRANSIT_THEME =
            "https://pdx.example/taxonomy/%E4%BA%A4%E9%80%9A/%E5%85%AC%E5%85%B1%E4%BA%A4%E9%80%9A";

    private static Dataset general;
    private static Dataset important;
    private static Dataset core;
    private static Dataset draft;
    private static List<String> generalProducts;

    @BeforeEach
    void datasetsOfEveryGrade_generalWithTwoProducts() {
        if (general != null) {
            return; // made once per run, through the real database and the products API
        }
        general = TestDatasets.persist("DCAT一般", Grade.GENERAL, "dept-transport", RegistrationStatus.REGISTERED,
                dataset -> {
                    dataset.timeCoverageStart = LocalDate.of(2023, 1, 1);
                    dataset.timeCoverageEnd = LocalDate.of(2023, 12, 31);
                });
        important = TestDatasets.persist("DCAT重要", Grade.IMPORTANT, "dept-test");
        core = TestDatasets.persist("DCAT核心", Grade.CORE, "dept-test");
        draft = TestDatasets.persist("DCAT草稿", Grade.GENERAL, "dept-test", RegistrationStatus.DRAFT);
        generalProducts = List.of(product(general, "DCAT交付产品", "DELIVERY"), product(general, "DCAT沙箱产品", "SANDBOX"));
    }

    private static String product(Dataset dataset, String nameZh, String mode) {
        return given().contentType(ContentType.JSON).auth().oauth2(KeycloakTokens.of("bureau-admin"))
                .body(Map.of("datasetId", dataset.id.toString(), "nameZh", nameZh, "nameEn", "Product " + mode,
                        "modes", List.of(mode), "priceRule", Map.of("kind", "FREE", "unitPriceFen", 0),
                        "scenarios", List.of("测试 / test"), "qualityNotes", "测试 / test",
                        "holderConsent", Map.of("document", "数源单位同意函（测试） / the department's consent letter (test)")))
                .post("/api/v1/products")
                .then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification as(String username) {
        RequestSpecification request = given().accept("application/ld+json");
        return username == null ? request : request.auth().oauth2(KeycloakTokens.of(username));
    }

    /** The dataset's DCAT document, expanded: the one top-level node. */
    private static JsonObject expanded(String username, Dataset dataset) throws JsonLdError {
        String body = as(username).get("/api/v1/datasets/{id}/dcat", dataset.id)
                .then().statusCode(200).contentType("application/ld+json")
                .extract().asString();
        JsonArray nodes = JsonLd.expand(JsonDocument.of(new StringReader(body))).get();
        assertEquals(1, nodes.size(), "one top-level node");
        return nodes.getJsonObject(0);
    }

    private static List<JsonObject> values(JsonObject node, String property) {
        JsonArray values = node.getJsonArray(property);
        return values == null ? List.of() : values.getValuesAs(JsonObject.class);
    }

    private static JsonObject one(JsonObject node, String property) {
        List<JsonObject> values = values(node, property);
        assertEquals(1, values.size(), "one value of " + property);
        return values.get(0);
    }

    private static Set<String> types(JsonObject node) {
        return node.getJsonArray("@type").getValuesAs(JsonValue.class).stream()
                .map(value -> ((JsonString) value).getString()).collect(Collectors.toSet());
    }

    /** language tag → value of the language-tagged literals of {@code property}. */
    private static Map<String, String> byLanguage(JsonObject node, String property) {
        return values(node, property).stream()
                .collect(Collectors.toMap(value -> value.getString("@language"), value -> value.getString("@value")));
    }

    private static String id(JsonObject node, String property) {
        return one(node, property).getString("@id");
    }

    // the document

    @Test
    void general_isADcatDataset_withTitleInChineseAndEnglish() throws JsonLdError {
        JsonObject dataset = expanded(null, general);
        assertEquals(Set.of(DCAT + "Dataset"), types(dataset));
        assertTrue(dataset.getString("@id").endsWith("/api/v1/datasets/" + general.id), dataset.getString("@id"));
        assertEquals(general.id.toString(), one(dataset, DCT + "identifier").getString("@value"));
        assertEquals(Map.of("zh", general.nameZh, "en", general.nameEn), byLanguage(dataset, DCT + "title"));
        assertEquals(general.description, one(dataset, DCT + "description").getString("@value"));
    }

    @Test
    void general_hasThemeFromTaxonomy_andPublicAccessRights() throws JsonLdError {
        JsonObject dataset = expanded(null, general);
        JsonObject theme = one(dataset, DCAT + "theme");
        assertEquals(PUBLIC_TRANSIT_THEME, theme.getString("@id"));
        assertEquals(Set.of(SKOS + "Concept"), types(theme));
        assertEquals("交通 · 公共交通", byLanguage(theme, SKOS + "prefLabel").get("zh"));
        assertEquals(ACCESS_RIGHT + "PUBLIC", id(dataset, DCT + "accessRights"));
    }

    @Test
    void general_hasPublisherCoverageAndPeriodicity() throws JsonLdError {
        JsonObject dataset = expanded(null, general);
        JsonObject publisher = one(dataset, DCT + "publisher");
        assertEquals("https://pdx.example/departments/dept-transport", publisher.getString("@id"));
        assertEquals(general.providerName, byLanguage(publisher, FOAF + "name").get("zh"));
        JsonObject temporal = one(dataset, DCT + "temporal");
        assertEquals(Set.of(DCT + "PeriodOfTime"), types(temporal));
        JsonObject start = one(temporal, DCAT + "startDate");
        assertEquals("2023-01-01", start.getString("@value"));
        assertEquals(XSD + "date", start.getString("@type"));
        assertEquals("2023-12-31", one(temporal, DCAT + "endDate").getString("@value"));
        assertEquals("https://pdx.example/divisions/350100", id(dataset, DCT + "spatial"));
        assertEquals("http://publications.europa.eu/resource/authority/frequency/MONTHLY",
                id(dataset, DCT + "accrualPeriodicity"));
    }

    @Test
    void general_hasOneArrowDistributionPerProduct() throws JsonLdError {
        List<JsonObject> distributions = values(expanded(null, general), DCAT + "distribution").stream()
                .filter(distribution -> id(distribution, DCAT + "accessURL").contains("/api/v1/products/")).toList();
        assertEquals(Set.copyOf(generalProducts), distributions.stream()
                .map(distribution -> one(distribution, DCT + "identifier").getString("@value"))
                .collect(Collectors.toSet()));
        for (JsonObject distribution : distributions) {
            assertEquals(Set.of(DCAT + "Distribution"), types(distribution));
            String product = one(distribution, DCT + "identifier").getString("@value");
            assertTrue(id(distribution, DCAT + "accessURL").endsWith("/api/v1/products/" + product));
            assertEquals(ARROW_STREAM, id(distribution, DCAT + "mediaType"));
            assertEquals(ARROW_STREAM, id(distribution, DCT + "format"));
            assertEquals(2, byLanguage(distribution, DCT + "title").size());
        }
    }

    @Test
    void openGeneral_hasADownloadDistributionPerFormat() throws JsonLdError {
        assertEquals(io.pdx.contracts.catalog.Openness.OPEN, general.openness);
        List<JsonObject> downloads = values(expanded(null, general), DCAT + "distribution").stream()
                .filter(distribution -> distribution.containsKey(DCAT + "downloadURL")).toList();
        assertEquals(List.of("arrow", "parquet", "csv"), downloads.stream()
                .map(distribution -> id(distribution, DCAT + "downloadURL"))
                .peek(url -> assertTrue(url.contains("/api/v1/open/datasets/" + general.id + "/data?format="), url))
                .map(url -> url.substring(url.indexOf("format=") + 7)).toList());
        assertEquals("https://www.iana.org/assignments/media-types/text/csv", id(downloads.get(2), DCAT + "mediaType"));
    }

    @Test
    void important_isRestricted_forAnOperator_withoutDistributions() throws JsonLdError {
        JsonObject dataset = expanded("operator-a", important);
        assertEquals(ACCESS_RIGHT + "RESTRICTED", id(dataset, DCT + "accessRights"));
        assertEquals(List.of(), values(dataset, DCAT + "distribution"));
    }

    @Test
    void core_isNonPublic_forTheBureau() throws JsonLdError {
        assertEquals(ACCESS_RIGHT + "NON_PUBLIC", id(expanded("bureau-admin", core), DCT + "accessRights"));
    }

    // visibility: as GET /api/v1/datasets/{id}

    @Test
    void important_isNotFound_forAnonymous() {
        as(null).get("/api/v1/datasets/{id}/dcat", important.id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://pdx.example/problems/dataset-not-found"));
    }

    @Test
    void core_isNotFound_forAnOperator() {
        as("operator-a").get("/api/v1/datasets/{id}/dcat", core.id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void draft_isNotFound_forAnonymous_butVisibleToTheBureau() {
        as(null).get("/api/v1/datasets/{id}/dcat", draft.id).then().statusCode(404);
        as("reviewer-1").get("/api/v1/datasets/{id}/dcat", draft.id).then().statusCode(200);
    }

    @Test
    void unknownDataset_isNotFound() {
        as(null).get("/api/v1/datasets/{id}/dcat", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
