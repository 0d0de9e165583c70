package io.pdx.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pdx.contracts.policy.ControlsResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The output controls of a grade as OPA hands them out: read from the one source, policy/data.json. */
final class GradeControls {

    static final Path POLICY_DATA = Path.of("..", "policy", "data.json");

    private GradeControls() {
    }

    static ControlsResult of(String grade) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode config = json.readTree(POLICY_DATA.toFile()).path("pdx").path("config");
            ObjectNode sandbox = ((ObjectNode) config.path("grades").path(grade).path("sandbox").deepCopy());
            sandbox.put("grade", grade);
            return json.treeToValue(sandbox, ControlsResult.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static List<String> untaggedOutputUses() {
        try {
            JsonNode uses = new ObjectMapper().readTree(POLICY_DATA.toFile())
                    .path("pdx").path("config").path("sandbox").path("untagged_output_uses");
            return List.of(new ObjectMapper().treeToValue(uses, String[].class));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
