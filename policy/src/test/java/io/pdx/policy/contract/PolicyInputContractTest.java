package io.pdx.policy.contract;

import org.junit.jupiter.api.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pdx.contracts.policy.ActionsInput;
import io.pdx.contracts.policy.AllowedActions;
import io.pdx.contracts.policy.AuthzDecision;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.CatalogInput;
import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.LicenseInput;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.SandboxAdmissionInput;
import io.pdx.contracts.policy.SandboxReleaseInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy input documents are defined once, as records in {@code contracts}. This test proves
 * that what Java sends is what the Rego reads: each example document (the same literal the Rego
 * tests use) round-trips through its record unchanged, and the record's serialization, sent to
 * the real OPA that {@code ./pdx test} starts, gets the decision the Rego tests expect — and a
 * changed field changes it. The answer decodes into its output record with no field left over
 * (this mapper fails on unknown properties), so a field the Rego adds needs its record field.
 */
@Tag("stack") // talks to the real OPA
class PolicyInputContractTest {

    private static final Path EXAMPLES = Path.of("..", "contracts", "src", "test", "resources", "policy-examples");
    private static final URI OPA = URI.create(System.getProperty("pdx.opa.url", "http://127.0.0.1:8181"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("catalog.json", CatalogInput.class, "pdx/catalog/decision", "ALLOW", PolicyDecision.class),
                Arguments.of("license.json", LicenseInput.class, "pdx/license/decision", "AUTO_APPROVE", PolicyDecision.class),
                Arguments.of("sandbox-admission.json", SandboxAdmissionInput.class, "pdx/sandbox/admission", "ADMIT",
                        PolicyDecision.class),
                Arguments.of("sandbox-release.json", SandboxReleaseInput.class, "pdx/sandbox/release", "AUTO",
                        PolicyDecision.class),
                Arguments.of("authz.json", AuthzInput.class, "pdx/authz/decision", "ALLOW", AuthzDecision.class));
    }

    /** Every example input with its record: the decisions' and the one of {@code data.pdx.authz.actions}. */
    static Stream<Arguments> inputs() {
        return Stream.concat(examples(), Stream.of(Arguments.of("actions.json", ActionsInput.class),
                Arguments.of("grading.json", io.pdx.contracts.policy.GradingInput.class)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void example_roundTripsThroughItsRecord_unchanged(String file, Class<?> record) throws IOException {
        JsonNode document = JSON.readTree(EXAMPLES.resolve(file).toFile());
        Object typed = JSON.treeToValue(document, record);
        assertEquals(document, JSON.readTree(JSON.writeValueAsString(typed)), file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void recordSerialization_getsTheExpectedDecisionFromRealOpa(String file, Class<?> record, String path,
                                                                String outcome, Class<?> output) throws Exception {
        Object typed = JSON.readValue(EXAMPLES.resolve(file).toFile(), record);
        JsonNode answer = evaluate(path, typed);
        Object decoded = JSON.treeToValue(answer, output);
        assertEquals(answer, JSON.valueToTree(decoded), file + ": the answer round-trips through " + output.getSimpleName());
        assertEquals(outcome, answer.path("outcome").asText(), file + " reasons " + answer.path("reasons"));
        assertTrue(answer.path("allow").asBoolean());
        assertTrue(answer.path("reasons").isArray() && answer.path("reasons").isEmpty());
    }

    @Test
    void gradingExample_isProposedImportant_withReasonsTheRecordReads() throws Exception {
        io.pdx.contracts.policy.GradingInput example = JSON.readValue(EXAMPLES.resolve("grading.json").toFile(),
                io.pdx.contracts.policy.GradingInput.class);
        JsonNode answer = evaluate("pdx/grading/proposal", example);
        io.pdx.contracts.policy.GradeProposal proposal = JSON.treeToValue(answer, io.pdx.contracts.policy.GradeProposal.class);
        assertEquals(answer, JSON.valueToTree(proposal), "the answer round-trips through GradeProposal");
        assertEquals(io.pdx.contracts.Grade.IMPORTANT, proposal.grade());
        assertTrue(proposal.reasons().stream().anyMatch(reason -> reason.code().equals("sensitive_columns")));
    }

    @Test
    void authzExample_isVisibleToo() throws Exception {
        AuthzInput example = JSON.readValue(EXAMPLES.resolve("authz.json").toFile(), AuthzInput.class);
        AuthzDecision decision = JSON.treeToValue(evaluate("pdx/authz/decision", example), AuthzDecision.class);
        assertTrue(decision.visible());
        AuthzInput.Resource unknownType = new AuthzInput.Resource("widget", example.resource().id(),
                example.resource().organization(), example.resource().department(), example.resource().created_by(),
                example.resource().state());
        AuthzDecision hidden = JSON.treeToValue(evaluate("pdx/authz/decision",
                new AuthzInput(example.subject(), example.operation(), unknownType)), AuthzDecision.class);
        assertTrue(hidden.allow(), "the operation itself does not read the type");
        assertFalse(hidden.visible(), "no widget.read is configured: deny by default");
    }

    @Test
    void actionsExample_getsTheAllowedCandidatesOfEachResource_inOrder() throws Exception {
        ActionsInput example = JSON.readValue(EXAMPLES.resolve("actions.json").toFile(), ActionsInput.class);
        JsonNode answer = evaluate("pdx/authz/actions", example);
        AllowedActions allowed = JSON.treeToValue(answer, AllowedActions.class);
        assertEquals(answer, JSON.valueToTree(allowed));
        // the operator's own organization's license, then another organization's: the same answer as the Rego test
        assertEquals(List.of(List.of("license.accept", "license.read"), List.of()), allowed.allowed());

        ActionsInput suspended = new ActionsInput(example.subject().withOrganizationStatus("SUSPENDED"),
                example.resources(), example.operations());
        assertEquals(List.of(List.of(), List.of()),
                JSON.treeToValue(evaluate("pdx/authz/actions", suspended), AllowedActions.class).allowed());

        ActionsInput empty = new ActionsInput(example.subject(), null, null);
        assertEquals(List.of(), JSON.treeToValue(evaluate("pdx/authz/actions", empty), AllowedActions.class).allowed());
    }

    @Test
    void licenseForCoreGrade_isDeniedWithItsReason_inBothLanguages() throws Exception {
        LicenseInput example = JSON.readValue(EXAMPLES.resolve("license.json").toFile(), LicenseInput.class);
        LicenseInput.Product core = new LicenseInput.Product(example.product().id(), example.product().dataset_id(),
                "CORE", example.product().modes(), example.product().columns(), example.product().consent(), example.product().status());
        PolicyDecision decision = JSON.treeToValue(evaluate("pdx/license/decision",
                new LicenseInput(example.subject(), example.organization(), core, example.application())), PolicyDecision.class);
        assertEquals("DENY", decision.outcome());
        assertFalse(decision.allow());
        PolicyDecision.Reason reason = decision.reasons().stream()
                .filter(r -> r.code().equals("core_never_licensed")).findFirst().orElseThrow();
        assertFalse(reason.message_zh().isBlank());
        assertFalse(reason.message_en().isBlank());
    }

    @Test
    void licenseAskingForAnIdentifierColumn_goesToReview() throws Exception {
        LicenseInput example = JSON.readValue(EXAMPLES.resolve("license.json").toFile(), LicenseInput.class);
        LicenseInput.Application withId = new LicenseInput.Application(example.application().purpose_category(),
                example.application().purpose_text(), java.util.List.of("uscc", "district"), example.application().mode(),
                example.application().term_start(), example.application().term_end(), example.application().expected_volume());
        PolicyDecision decision = JSON.treeToValue(evaluate("pdx/license/decision",
                new LicenseInput(example.subject(), example.organization(), example.product(), withId)), PolicyDecision.class);
        assertEquals("REVIEW", decision.outcome());
        assertTrue(decision.reasons().stream().anyMatch(r -> r.code().equals("identifier_columns_requested")));
    }

    @Test
    void sandboxControls_deserializeIntoTheirRecord_withThresholdsFromData() throws Exception {
        Object admission = JSON.readValue(EXAMPLES.resolve("sandbox-admission.json").toFile(), SandboxAdmissionInput.class);
        ControlsResult controls = JSON.treeToValue(evaluate("pdx/sandbox/controls", admission), ControlsResult.class);
        JsonNode data = JSON.readTree(Path.of("data.json").toFile()).path("pdx").path("config");
        assertTrue(controls.k() != null && controls.k() > 0);
        assertTrue(data.toString().contains("\"k\":" + controls.k()), "k comes from data.json");
        assertTrue(controls.row_cap() > 0);
    }

    private static JsonNode evaluate(String path, Object input) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.set("input", JSON.valueToTree(input));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(OPA.resolve("/v1/data/" + path))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = JSON.readTree(response.body()).get("result");
        assertTrue(result != null && !result.isNull(), "OPA has a result for " + path);
        return result;
    }
}
