package io.pdx.policy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;

/**
 * The one way PDX asks OPA for a decision: typed input, typed result, a timeout, and fail
 * closed — an unreachable OPA, an HTTP error, a timeout, an undefined result or a result of the
 * wrong shape all end in {@link PolicyUnavailableException}, never in an allow.
 */
@ApplicationScoped
public class PolicyClient {

    private final OpaDataApi opa;
    private final ObjectMapper json;
    private final Duration timeout;

    public PolicyClient(@RestClient OpaDataApi opa, ObjectMapper json,
                        @ConfigProperty(name = "pdx.policy.timeout", defaultValue = "PT0.5S") Duration timeout) {
        this.opa = opa;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * Evaluates {@code data.<path>} (slash-separated, e.g. {@code pdx/catalog}) for {@code input}.
     */
    public <T> Uni<PolicyAnswer<T>> evaluate(String path, Object input, Class<T> resultType) {
        return opa.evaluate(path, new OpaDataApi.OpaRequest(input))
                .ifNoItem().after(timeout).failWith(() -> new PolicyUnavailableException(path, "timeout", null))
                .onFailure(failure -> !(failure instanceof PolicyUnavailableException))
                .transform(failure -> new PolicyUnavailableException(path, failure.getClass().getSimpleName(), failure))
                .map(body -> toAnswer(path, body, resultType));
    }

    private <T> PolicyAnswer<T> toAnswer(String path, JsonNode body, Class<T> resultType) {
        JsonNode result = body == null ? null : body.get("result");
        if (result == null || result.isNull()) {
            throw new PolicyUnavailableException(path, "undefined result", null);
        }
        JsonNode decisionId = body.get("decision_id");
        try {
            T typed = json.treeToValue(result, resultType);
            return new PolicyAnswer<>(decisionId == null ? null : decisionId.asText(), typed);
        } catch (Exception wrongShape) {
            throw new PolicyUnavailableException(path, "result of unexpected shape", wrongShape);
        }
    }
}
