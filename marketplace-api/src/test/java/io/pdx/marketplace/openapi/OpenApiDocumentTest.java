package io.pdx.marketplace.openapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published OpenAPI document, walked operation by operation: what a client generator relies on is there. */
@Tag("stack")
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperation_isNamedTaggedSecuredAndDeclaresItsProblems() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> wrong = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        Set<String> tags = new HashSet<>(document.getList("tags.name"));
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var entry : path.getValue().entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                Map<String, Object> operation = (Map<String, Object>) entry.getValue();
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                String id = (String) operation.get("operationId");
                if (id == null || !operationIds.add(id)) {
                    wrong.add(name + ": operationId missing or repeated");
                }
                List<String> operationTags = (List<String>) operation.get("tags");
                if (operationTags == null || operationTags.size() != 1 || !tags.contains(operationTags.get(0))) {
                    wrong.add(name + ": one declared tag");
                }
                if (operation.get("summary") == null || operation.get("description") == null) {
                    wrong.add(name + ": summary and description");
                }
                List<Map<String, Object>> security = (List<Map<String, Object>>) operation.get("security");
                if (security == null || security.stream().noneMatch(requirement -> requirement.containsKey("keycloak"))) {
                    wrong.add(name + ": the bearer scheme");
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                for (String status : List.of("401", "429", "500", "503")) {
                    if (!problem(responses.get(status))) {
                        wrong.add(name + ": " + status + " as a Problem");
                    }
                }
                if (path.getKey().contains("{") && !problem(responses.get("404"))) {
                    wrong.add(name + ": 404 as a Problem");
                }
                for (String created : List.of("201", "202")) {
                    Map<String, Object> response = responses.get(created);
                    if (response != null && (response.get("headers") == null
                            || !((Map<String, Object>) response.get("headers")).containsKey("Location"))) {
                        wrong.add(name + ": Location on " + created);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(operations >= 40, "operations: " + operations);
        // public operations take a token or none
        List<Map<String, Object>> catalogSecurity = document.getList("paths.'/api/v1/datasets'.get.security");
        assertTrue(catalogSecurity.contains(Map.of()), "anonymous search is marked");
        assertEquals(List.of(Map.of("keycloak", List.of())), document.getList("paths.'/api/v1/licenses'.get.security"));
    }

    @Test
    void noFrameworkTypeIsPartOfTheContract_andBinaryResultsSayTheirMediaTypes() {
        String text = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonPath document = JsonPath.from(text);
        Set<String> schemas = document.<String, Object>getMap("components.schemas").keySet();
        for (String framework : ApiContract.FRAMEWORK_TYPES) {
            assertFalse(schemas.contains(framework), framework + " is a framework type");
            assertFalse(text.contains("#/components/schemas/" + framework + "\""), framework + " is referenced");
        }
        Map<String, Object> result = document.getMap("paths.'/api/v1/sandbox/jobs/{id}/result'.get.responses.'200'.content");
        assertTrue(result.keySet().containsAll(List.of("application/vnd.apache.arrow.stream", "application/vnd.apache.parquet")));
        assertEquals("binary", document.getString(
                "paths.'/api/v1/sandbox/jobs/{id}/result'.get.responses.'200'.content.'application/vnd.apache.arrow.stream'.schema.format"));
        assertTrue(document.getMap("paths.'/api/v1/datasets/{id}/dcat'.get.responses.'200'.content").containsKey("application/ld+json"));
        assertEquals(List.of("type", "code", "title", "status"), document.getList("components.schemas.Problem.required"));
        assertTrue(document.getMap("paths.'/api/v1/licenses'.post.requestBody.content.'application/json'.examples").size() >= 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void requestSchemas_sayWhatIsRequired_andCheckedValuesTheValidatorsRead() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("productId", "purposeCategory", "purposeText", "columns", "mode", "termStart", "termEnd"),
                document.getList("components.schemas.LicenseApplication.required"));
        for (String schema : List.of("OrganizationRequest", "ProductRequest", "Price", "DatasetDraft", "ColumnSpec", "JobRequest",
                "ReviewNote", "ReturnRequest")) {
            assertFalse(document.getList("components.schemas." + schema + ".required").isEmpty(), schema + " names its required fields");
        }
        // the purposes the schema enumerates are the ones the policy knows (GET /api/v1/reference)
        List<String> purposes = given().get("/api/v1/reference").then().statusCode(200).extract().jsonPath().getList("purposes.code");
        assertEquals(new HashSet<>(purposes),
                new HashSet<>(document.getList("components.schemas.LicenseApplication.properties.purposeCategory.enum")));
        assertEquals(io.pdx.contracts.catalog.ColumnSpec.NAME, document.getString("components.schemas.ColumnName.pattern"));
        assertEquals(io.pdx.contracts.Text.NO_NUL,
                document.getString("components.schemas.JobRequest.properties.params.additionalProperties.pattern"));
        // an id in the body that names nothing is a 404 the operation declares
        for (String operation : List.of("'/api/v1/licenses'.post", "'/api/v1/products'.post", "'/api/v1/sandbox/jobs'.post")) {
            assertTrue(problem(document.getMap("paths." + operation + ".responses.'404'")), operation + " declares its 404");
        }
        // no query parameter takes an empty value
        List<Map<String, Object>> parameters = document.getList("paths.'/api/v1/datasets'.get.parameters");
        Map<String, Object> q = parameters.stream().filter(parameter -> "q".equals(parameter.get("name"))).findFirst().orElseThrow();
        assertEquals(1, ((Map<String, Object>) q.get("schema")).get("minLength"));
    }

    /** A success nobody declared is a failure to every client and contract test (an @APIResponse of a 404 alone drops the 200). */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperation_declaresItsSuccess() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> silent = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (var entry : path.getValue().entrySet()) {
                if (METHODS.contains(entry.getKey())) {
                    Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) entry.getValue()).get("responses");
                    if (responses == null || responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) {
                        silent.add(entry.getKey().toUpperCase() + " " + path.getKey());
                    }
                }
            }
        }
        assertEquals(List.of(), silent);
    }

    @Test
    @SuppressWarnings("unchecked")
    void noSchemaContradictsItself_aReferenceTypedOtherwiseThanWhatItNames() {
        Map<String, Object> document = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Map<String, Object>> components =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components")).get("schemas");
        List<String> contradictions = new ArrayList<>();
        collectTypedReferences(document, "", components, contradictions);
        // {"$ref": an enum of strings, "type": "object"} admits no value: no client can send a valid body
        assertEquals(List.of(), contradictions);
    }

    @SuppressWarnings("unchecked")
    private static void collectTypedReferences(Object node, String path, Map<String, Map<String, Object>> components,
                                               List<String> found) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("$ref") instanceof String ref && map.containsKey("type")) {
                Map<String, Object> named = components.get(ref.substring(ref.lastIndexOf('/') + 1));
                if (named == null || !map.get("type").equals(named.get("type"))) {
                    found.add(path + " is " + map.get("type") + " but names " + ref);
                }
            }
            map.forEach((key, value) -> collectTypedReferences(value, path + "/" + key, components, found));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectTypedReferences(list.get(i), path + "[" + i + "]", components, found);
            }
        }
    }

    @Test
    void swaggerUi_isServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static boolean problem(Map<String, Object> response) {
        if (response == null || response.get("content") == null) {
            return false;
        }
        Map<String, Object> media = (Map<String, Object>) ((Map<String, Object>) response.get("content")).get("application/problem+json");
        return media != null && "#/components/schemas/Problem".equals(((Map<String, Object>) media.get("schema")).get("$ref"));
    }
}
