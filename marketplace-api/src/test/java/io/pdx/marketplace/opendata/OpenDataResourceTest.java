package io.pdx.marketplace.opendata;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.Openness;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Who may download what, before sandbox-runner is asked (the rows themselves are the Python live test's, against a
 * running runner): anything not open is the 404 of an invisible dataset, whoever asks, IMPORTANT data even when its
 * row says OPEN (the policy refuses it, not only registration's validator); a column the schema does not declare is a
 * 400 problem naming the parameter; an open dataset with no data in the domain is a 409.
 */
@Tag("stack")
@QuarkusTest
class OpenDataResourceTest {

    private static RequestSpecification as(String username) {
        return username == null ? given() : given().auth().oauth2(KeycloakTokens.of(username));
    }

    private static String data(Dataset dataset) {
        return "/api/v1/open/datasets/" + dataset.id + "/data";
    }

    private static void notFoundAsInvisible(String username, UUID id) {
        as(username).get("/api/v1/open/datasets/{id}/data", id).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("dataset-not-found"))
                .body("detail", equalTo("No dataset " + id + " is visible to you."));
    }

    @Test
    void importantData_markedOpen_isNeverDownloaded_evenByTheBureau() {
        Dataset important = TestDatasets.persist("开放重要", Grade.IMPORTANT, "dept-test", RegistrationStatus.REGISTERED,
                dataset -> dataset.openness = Openness.OPEN);
        notFoundAsInvisible(null, important.id);
        notFoundAsInvisible("operator-b", important.id); // sees it in the catalog
        notFoundAsInvisible("bureau-admin", important.id);
        as("operator-b").get("/api/v1/datasets/{id}", important.id).then().statusCode(200);
    }

    @Test
    void generalData_notOpen_orNotRegistered_orMissing_is404() {
        Dataset licensedOnly = TestDatasets.persist("授权运营一般", Grade.GENERAL, "dept-test", RegistrationStatus.REGISTERED,
                dataset -> dataset.openness = Openness.AUTHORIZED_OPERATION);
        Dataset draft = TestDatasets.persist("开放草稿", Grade.GENERAL, "dept-test", RegistrationStatus.DRAFT);
        notFoundAsInvisible(null, licensedOnly.id);
        notFoundAsInvisible("operator-a", licensedOnly.id);
        notFoundAsInvisible(null, draft.id);
        notFoundAsInvisible("bureau-admin", draft.id);
        notFoundAsInvisible(null, UUID.randomUUID());
        // and a bad parameter on a dataset that is not open does not tell it exists
        as(null).queryParam("columns", "nope").get(data(licensedOnly)).then().statusCode(404);
    }

    @Test
    void open_withAnUndeclaredOrIdentifierColumn_is422NamingIt() {
        Dataset open = TestDatasets.persist("开放一般", Grade.GENERAL, "dept-test");
        as(null).queryParam("columns", "amount,nope").get(data(open)).then().statusCode(422)
                .contentType("application/problem+json").body("errors", hasSize(1))
                .body("errors[0].field", equalTo("columns"))
                .body("errors[0].message", equalTo("not a column of the dataset: nope"));
        as(null).queryParam("columns", "person_id").get(data(open)).then().statusCode(422)
                .body("errors[0].message", equalTo("an identifier column is never served: person_id"));
        as(null).queryParam("filter", "amount:lots").get(data(open)).then().statusCode(422)
                .body("errors[0].field", equalTo("filter"));
        as(null).queryParam("format", "xlsx").get(data(open)).then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    void open_withoutDataInTheDomain_is409() {
        Dataset open = TestDatasets.persist("开放无数据", Grade.GENERAL, "dept-test");
        as(null).get(data(open)).then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/open-data/no-data"));
    }
}
