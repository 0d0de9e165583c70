package io.pdx.marketplace.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.pdx.contracts.runner.DataManifest;
import io.pdx.contracts.runner.DatasetDescriptor;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.testing.KeycloakTokens;
import io.pdx.marketplace.testing.TestDatasets;
import io.pdx.marketplace.testing.TestOrganizations;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the sandbox tests share: the demo datasets the real sandbox-runner generated (read from its
 * manifest, so the catalog and the Parquet files agree), products and ACTIVE licenses of
 * organization A, job submission and waiting, and reading results back with the Arrow Java reader.
 */
public final class SandboxFixtures {

    public static final String ORG_A = "91350100M000100Y43";
    static final Path DATA = Path.of("target", "sandbox-data");
    static final String BUS = "bus_card_swipes";
    public static final String CLAIMS = "medical_insurance_claims";

    private SandboxFixtures() {
    }

    static DatasetDescriptor descriptor(String alias) {
        try {
            DataManifest manifest = new ObjectMapper().registerModule(new JavaTimeModule())
                    .readValue(DATA.resolve("manifest.json").toFile(), DataManifest.class);
            return manifest.datasets().stream().filter(d -> d.file().equals(alias + ".parquet")).findFirst().orElseThrow();
        } catch (IOException unreadable) {
            throw new IllegalStateException("the demo data's manifest is written by the sandbox-runner the test starts:"
                    + " annotate the test class @WithTestResource(SandboxRunnerProcess.class)", unreadable);
        }
    }

    /** The demo dataset as a registered catalog entry of its own (a test's own copy). */
    public static Dataset dataset(String alias) {
        DatasetDescriptor descriptor = descriptor(alias);
        TestOrganizations.verified(ORG_A, "闽数科技有限公司");
        return TestDatasets.persist(descriptor.nameZh(), descriptor.grade(), descriptor.provider(),
                RegistrationStatus.REGISTERED, dataset -> {
                    dataset.schema = new io.pdx.contracts.catalog.DatasetSchema(descriptor.columns());
                    dataset.dataFile = descriptor.file();
                    dataset.entityColumn = descriptor.entityColumn();
                    dataset.rowCount = descriptor.rowCount();
                });
    }

    /** A test class's own demo datasets, products and ACTIVE licenses of organization A. */
    record Licensed(Dataset bus, Dataset claims, String busProduct, String claimsProduct, String busLicense,
                    String claimsLicense) {
    }

    static final List<String> BUS_COLUMNS = List.of("swipe_time", "route_id", "stop_id", "district_code", "card_type",
            "fare_cents", "is_transfer");
    public static final List<String> CLAIM_COLUMNS = List.of("person_id", "id_card_no", "age", "gender", "district_code",
            "hospital_code", "diagnosis_code", "total_amount", "fund_paid");

    /**
     * Bus swipes (GENERAL, free, DELIVERY and SANDBOX) and medical claims (IMPORTANT, SANDBOX, priced per call
     * at {@code claimsPriceFen}, free when 0), with a SANDBOX license for each.
     */
    static Licensed licensed(long claimsPriceFen) {
        Dataset bus = dataset(BUS);
        Dataset claims = dataset(CLAIMS);
        String busProduct = product(bus, List.of("DELIVERY", "SANDBOX"), "FREE", 0);
        String claimsProduct = claimsPriceFen == 0 ? product(claims, List.of("SANDBOX"), "FREE", 0)
                : product(claims, List.of("SANDBOX"), "PER_CALL", claimsPriceFen);
        return new Licensed(bus, claims, busProduct, claimsProduct,
                activeLicense(busProduct, BUS_COLUMNS, "SANDBOX", "PUBLIC_GOVERNANCE"),
                activeLicense(claimsProduct, CLAIM_COLUMNS, "SANDBOX",
                        claimsPriceFen == 0 ? "PUBLIC_WELFARE" : "INDUSTRY_DEVELOPMENT"));
    }

    public static String product(Dataset dataset, List<String> modes, String priceKind, long price) {
        Map<String, Object> body = new HashMap<>();
        body.put("datasetId", dataset.id.toString());
        body.put("modes", modes);
        body.put("priceRule", "FREE".equals(priceKind) ? Map.of("kind", "FREE", "unitPriceFen", 0)
                : Map.of("kind", priceKind, "unitPriceFen", price, "capFen", price * 2));
        body.put("scenarios", List.of("交通规划 / transport planning"));
        body.put("qualityNotes", "合成数据 / synthetic");
        body.put("holderConsent", Map.of("document", "数源单位同意函（测试） / the department's consent letter (test)"));
        return given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    /** A product of the dataset priced per month at {@code monthlyFen} (cap twice that), SANDBOX, with the department's consent. */
    public static String monthlyProduct(Dataset dataset, long monthlyFen) {
        Map<String, Object> body = new HashMap<>();
        body.put("datasetId", dataset.id.toString());
        body.put("modes", List.of("SANDBOX"));
        body.put("priceRule", Map.of("kind", "PER_PERIOD", "unitPriceFen", monthlyFen, "capFen", monthlyFen * 2, "period", "MONTH"));
        body.put("scenarios", List.of("交通规划 / transport planning"));
        body.put("qualityNotes", "合成数据 / synthetic");
        body.put("holderConsent", Map.of("document", "数源单位同意函（测试） / the department's consent letter (test)"));
        return given().auth().oauth2(KeycloakTokens.of("bureau-admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    /** Applies as operator-a, approves with as many reviewers as asked, accepts: an ACTIVE license id. */
    public static String activeLicense(String productId, List<String> columns, String mode, String purpose) {
        Map<String, Object> application = new HashMap<>();
        application.put("productId", productId);
        application.put("purposeCategory", purpose);
        application.put("purposeText", "沙箱测试 / sandbox test");
        application.put("columns", columns);
        application.put("mode", mode);
        application.put("termStart", "2026-11-01");
        application.put("termEnd", "2027-10-31");
        var created = post("operator-a", "/api/v1/licenses", application).statusCode(201).extract();
        String id = created.path("id");
        if ("IN_REVIEW".equals(created.path("state"))) {
            int required = created.path("reviewersRequired");
            for (int reviewer = 1; reviewer <= required; reviewer++) {
                post("reviewer-" + reviewer, "/api/v1/licenses/" + id + "/approve", null).statusCode(200);
            }
        }
        post("operator-a", "/api/v1/licenses/" + id + "/accept", null).statusCode(200).body("state", equalTo("ACTIVE"));
        return id;
    }

    static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(KeycloakTokens.of(user)).contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).post(path).then();
    }

    /** A test's own copy of the claims dataset (its own privacy budget), a FREE SANDBOX product and an ACTIVE license. */
    record Fresh(Dataset dataset, String product, String license) {
    }

    static Fresh freshClaims() {
        Dataset claims = dataset(CLAIMS);
        String product = product(claims, List.of("SANDBOX"), "FREE", 0);
        return new Fresh(claims, product, activeLicense(product, CLAIM_COLUMNS, "SANDBOX", "PUBLIC_WELFARE"));
    }

    static ValidatableResponse submit(String licenseId, String sql) {
        return submit(licenseId, sql, null);
    }

    static ValidatableResponse submit(String licenseId, String sql, Double epsilon) {
        Map<String, Object> body = new HashMap<>();
        body.put("licenseId", licenseId);
        body.put("sql", sql);
        if (epsilon != null) {
            body.put("epsilon", epsilon);
        }
        return post("developer-a", "/api/v1/sandbox/jobs", body);
    }

    static ValidatableResponse submitTemplate(String licenseId, String templateId, Map<String, String> params) {
        Map<String, Object> body = new HashMap<>();
        body.put("licenseId", licenseId);
        body.put("templateId", templateId);
        body.put("params", params);
        return post("developer-a", "/api/v1/sandbox/jobs", body);
    }

    /** Submits and waits until the job stops moving; the final view. */
    static ValidatableResponse run(String licenseId, String sql) {
        return run(licenseId, sql, null);
    }

    static ValidatableResponse run(String licenseId, String sql, Double epsilon) {
        String id = submit(licenseId, sql, epsilon).statusCode(202).extract().path("id");
        return awaitJob(id);
    }

    /** The job as a bureau reviewer sees it (with what the output controls left, before release). */
    static ValidatableResponse asReviewer(String id) {
        return given().auth().oauth2(KeycloakTokens.of("reviewer-1")).get("/api/v1/sandbox/jobs/" + id).then().statusCode(200);
    }

    static ValidatableResponse awaitJob(String id) {
        ValidatableResponse view = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            view = given().auth().oauth2(KeycloakTokens.of("developer-a")).get("/api/v1/sandbox/jobs/" + id + "?wait=PT10S")
                    .then().statusCode(200);
            String state = view.extract().path("state");
            if (!List.of("QUEUED", "ADMITTED", "RUNNING", "SUCCEEDED").contains(state)) {
                return view;
            }
        }
        return view;
    }

    /** A result read with the Arrow Java reader: its schema metadata and rows as column → value maps. */
    record ArrowResult(Map<String, String> metadata, List<String> columns, List<Map<String, Object>> rows) {
    }

    static ArrowResult readArrow(byte[] body) throws IOException {
        try (RootAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(body), allocator)) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            List<String> columns = batch.getSchema().getFields().stream().map(f -> f.getName()).toList();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (reader.loadNextBatch()) {
                for (int row = 0; row < batch.getRowCount(); row++) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (var vector : batch.getFieldVectors()) {
                        Object value = vector.getObject(row);
                        values.put(vector.getName(), value == null ? null
                                : value instanceof org.apache.arrow.vector.util.Text ? value.toString() : value);
                    }
                    rows.add(values);
                }
            }
            return new ArrowResult(Map.copyOf(batch.getSchema().getCustomMetadata()), columns, rows);
        }
    }

    /** The exact answer, from bare DuckDB over the same Parquet file (to compare noised answers with). */
    static List<Map<String, Object>> exact(String sql) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
            for (String alias : List.of(BUS, CLAIMS, "bus_routes")) {
                statement.execute("CREATE VIEW " + alias + " AS SELECT * FROM read_parquet('"
                        + DATA.resolve(alias + ".parquet").toAbsolutePath() + "')");
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
