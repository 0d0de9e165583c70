package io.pdx.policy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The one way PDX asks OPA for a decision: typed input, typed result, a timeout, and fail
 * closed — an unreachable OPA, an HTTP error, a timeout, an undefined result or a result of the
 * wrong shape all end in {@link PolicyUnavailableException}, never in an allow.
 *
 * <p>Every question is measured once, here ({@link PolicyDecisionMetrics}); OPA's decision id is logged at DEBUG
 * (category {@code io.pdx.policy.client}) with the request id the logging context carries, so that OPA's decision
 * log and the services' logs can be joined.
 */
@ApplicationScoped
public class PolicyClient {

    private static final Logger LOG = Logger.getLogger(PolicyClient.class);

    private final OpaDataApi opa;
    private final ObjectMapper json;
    private final Duration timeout;
    private final PolicyDecisionMetrics metrics;

    public PolicyClient(@RestClient OpaDataApi opa, ObjectMapper json,
                        @ConfigProperty(name = "pdx.policy.timeout", defaultValue = "PT0.5S") Duration timeout,
                        PolicyDecisionMetrics metrics) {
        this.opa = opa;
        this.json = json;
        this.timeout = timeout;
        this.metrics = metrics;
    }

    /**
     * Evaluates {@code data.<path>} (slash-separated, e.g. {@code pdx/catalog}) for {@code input}.
     */
    public <T> Uni<PolicyAnswer<T>> evaluate(String path, Object input, Class<T> resultType) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return opa.evaluate(path, new OpaDataApi.OpaRequest(input))
                    .ifNoItem().after(timeout).failWith(() -> unavailable(path, "timeout", "timeout", null, started))
                    .onFailure(failure -> !(failure instanceof PolicyUnavailableException))
                    .transform(failure -> unavailable(path, failure instanceof WebApplicationException ? "http_error" : "unreachable",
                            failure.getClass().getSimpleName(), failure, started))
                    .map(body -> toAnswer(path, body, resultType, started));
        });
    }

    private <T> PolicyAnswer<T> toAnswer(String path, JsonNode body, Class<T> resultType, long started) {
        JsonNode result = body == null ? null : body.get("result");
        if (result == null || result.isNull()) {
            throw unavailable(path, "undefined", "undefined result", null, started);
        }
        JsonNode decisionId = body.get("decision_id");
        T typed;
        try {
            typed = json.treeToValue(result, resultType);
        } catch (Exception wrongShape) {
            throw unavailable(path, "unexpected_shape", "result of unexpected shape", wrongShape, started);
        }
        long nanos = System.nanoTime() - started;
        metrics.answered(path, result, nanos);
        String id = decisionId == null ? null : decisionId.asText();
        if (LOG.isDebugEnabled()) {
            JsonNode decision = PolicyDecisionMetrics.decisionIn(result);
            LOG.debugf("OPA decision %s on %s: %s in %d µs", id, path,
                    decision == null ? PolicyDecisionMetrics.LOOKUP : decision.path("outcome").asText(), nanos / 1000);
        }
        return new PolicyAnswer<>(id, typed);
    }

    private PolicyUnavailableException unavailable(String path, String kind, String reason, Throwable cause, long started) {
        metrics.unavailable(path, kind, System.nanoTime() - started);
        return new PolicyUnavailableException(path, reason, cause);
    }
}
