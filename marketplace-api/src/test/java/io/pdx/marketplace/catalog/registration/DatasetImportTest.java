package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.catalog.DatasetSchema;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.SandboxRunnerProcess;
import io.pdx.marketplace.testing.TestDatasets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A registered version's data entering the domain over the API, against the real runner: its department uploads, the
 * runner checks it against the registered schema and answers the quality report (aggregates only), which the
 * department and the bureau read; anyone else, a draft, or a file that does not conform changes nothing.
 */
@Tag("stack")
@QuarkusTest
@WithTestResource(SandboxRunnerProcess.class)
class DatasetImportTest {

    static final String CSV = "route_id,riders,day\nL001,120,2026-12-01\nL002,5000,2026-12-02\n,300,2026-12-03\nL003,-4,2026-12-06\n";

    static Dataset registered(RegistrationStatus status) {
        return TestDatasets.persist("入域测试", Grade.GENERAL, "dept-transport", status, dataset -> dataset.schema = new DatasetSchema(List.of(
                new ColumnSpec("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, "线路", null, null, null, null),
                new ColumnSpec("riders", "BIGINT", ColumnTag.METRIC, "客流", BigDecimal.ZERO, BigDecimal.valueOf(1000), null, null),
                new ColumnSpec("day", "DATE", ColumnTag.QUASI_IDENTIFIER, "日期", null, null, null, null))));
    }

    static ValidatableResponse upload(String user, Dataset dataset, String csv) {
        return given().auth().oauth2(KeycloakTokens.of(user)).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/datasets/" + dataset.id + "/data").then();
    }

    @Test
    void theDepartmentsUpload_isCheckedInTheDomain_andItsReportHoldsAggregatesOnly() {
        Dataset dataset = registered(RegistrationStatus.REGISTERED);
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).get("/api/v1/datasets/" + dataset.id + "/quality").then()
                .statusCode(404);
        upload("provider-transport", dataset, "route_id,day\nL001,2026-12-01\n").statusCode(422)
                .body("detail", containsString("riders"));
        upload("provider-market", dataset, CSV).statusCode(403);
        upload("provider-transport", dataset, CSV).statusCode(200)
                .body("rows", equalTo(4))
                .body("columns.find { it.name == 'riders' }.outOfBounds", equalTo(2))
                .body("columns.find { it.name == 'route_id' }.nulls", equalTo(1))
                .body(not(containsString("5000")));
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).get("/api/v1/datasets/" + dataset.id + "/quality").then()
                .statusCode(200).body("rows", equalTo(4)).body("latest", equalTo("2026-12-06"));
        given().auth().oauth2(KeycloakTokens.of("operator-a")).get("/api/v1/datasets/" + dataset.id + "/quality").then()
                .statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("reviewer-1")).get("/api/v1/datasets/" + dataset.id).then()
                .body("rowCount", equalTo(4));
    }

    @Test
    void aDraftsData_doesNotEnter() {
        Dataset draft = registered(RegistrationStatus.DRAFT);
        upload("provider-transport", draft, CSV).statusCode(409);
    }
}
