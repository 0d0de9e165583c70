package io.pdx.policy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PolicyDecisionMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PolicyDecisionMetrics metrics = new PolicyDecisionMetrics(registry);
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode parse(String text) throws Exception {
        return json.readTree(text);
    }

    private Timer timer(String pkg, String rule, String outcome, String reason) {
        return registry.find(PolicyDecisionMetrics.DECISIONS).tags(PolicyDecisionMetrics.PACKAGE, pkg, PolicyDecisionMetrics.RULE, rule,
                PolicyDecisionMetrics.OUTCOME, outcome, PolicyDecisionMetrics.REASON, reason).timer();
    }

    @Test
    void pathsBecomePackageAndRule() {
        assertArrayEquals(new String[]{"pdx.authz", "decision"}, PolicyDecisionMetrics.packageAndRule("pdx/authz/decision"));
        assertArrayEquals(new String[]{"pdx.license", "*"}, PolicyDecisionMetrics.packageAndRule("pdx/license"));
        assertArrayEquals(new String[]{"pdx.config", "grades"}, PolicyDecisionMetrics.packageAndRule("pdx/config/grades/GENERAL"));
        assertArrayEquals(new String[]{"other", "other"}, PolicyDecisionMetrics.packageAndRule("PDX/../etc"));
    }

    @Test
    void aDecision_isCountedByOutcomeAndFirstReason() throws Exception {
        metrics.answered("pdx/authz/decision", parse("""
                {"allow": false, "outcome": "DENY", "reasons": [{"code": "role_not_permitted"}, {"code": "scope_unknown"}]}"""), 2_000_000);
        metrics.answered("pdx/authz/decision", parse("{\"allow\": true, \"outcome\": \"ALLOW\", \"reasons\": []}"), 1_000_000);
        Timer denied = timer("pdx.authz", "decision", "DENY", "role_not_permitted");
        assertNotNull(denied);
        assertEquals(1, denied.count());
        assertEquals(2.0, denied.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS), 0.001);
        assertEquals(1, timer("pdx.authz", "decision", "ALLOW", "none").count());
    }

    @Test
    void documentsHoldingADecision_andData_areToldApart() throws Exception {
        metrics.answered("pdx/license", parse("{\"decision\": {\"outcome\": \"AUTO_APPROVE\", \"reasons\": []}, \"reviewers_required\": 0}"), 1);
        metrics.answered("pdx/sandbox", parse("{\"admission\": {\"outcome\": \"ALLOW\"}, \"controls\": {}}"), 1);
        metrics.answered("pdx/catalog/view", parse("{\"visible_grades\": [\"GENERAL\"]}"), 1);
        metrics.answered("pdx/config/license/review_sla_hours", parse("48"), 1);
        assertEquals(1, timer("pdx.license", "*", "AUTO_APPROVE", "none").count());
        assertEquals(1, timer("pdx.sandbox", "*", "ALLOW", "none").count());
        assertEquals(1, timer("pdx.catalog", "view", "LOOKUP", "none").count());
        assertEquals(1, timer("pdx.config", "license", "LOOKUP", "none").count());
        assertNull(PolicyDecisionMetrics.decisionIn(parse("[1, 2]")));
    }

    @Test
    void failures_areCountedAsUnavailableByKind() {
        metrics.unavailable("pdx/authz/decision", "timeout", 1_000_000_000L);
        assertEquals(1, timer("pdx.authz", "decision", "UNAVAILABLE", "timeout").count());
    }

    @Test
    void codesOutsideTheVocabulary_areOther_andTheSeriesAreBounded() throws Exception {
        metrics.answered("pdx/authz/decision", parse("{\"outcome\": \"deny; drop\", \"reasons\": [{\"code\": \"Bad Code with spaces\"}]}"), 1);
        assertEquals(1, timer("pdx.authz", "decision", "OTHER", "other").count());
        for (int i = 0; i < PolicyDecisionMetrics.MAX_SERIES + 50; i++) {
            metrics.answered("pdx/authz/decision", parse("{\"outcome\": \"DENY\", \"reasons\": [{\"code\": \"code_" + i + "\"}]}"), 1);
        }
        long series = registry.find(PolicyDecisionMetrics.DECISIONS).timers().size();
        assertEquals(PolicyDecisionMetrics.MAX_SERIES + 1, series, "at most MAX_SERIES combinations, then one overflow series");
        assertNotNull(timer("other", "other", "OTHER", "other"));
    }
}
