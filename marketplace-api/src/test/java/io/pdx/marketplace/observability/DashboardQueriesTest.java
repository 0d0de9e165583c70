package io.pdx.marketplace.observability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard parses, asks its Prometheus through a datasource variable, and its queries' metric names are found. */
class DashboardQueriesTest {

    @Test
    void theDashboardParses_andEveryPanelUsesTheDatasourceVariable() throws Exception {
        JsonNode dashboard = DashboardQueries.read();
        JsonNode variable = dashboard.path("templating").path("list").get(0);
        assertEquals("datasource", variable.path("type").asText());
        assertEquals("prometheus", variable.path("query").asText());
        String name = "${" + variable.path("name").asText() + "}";
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertEquals(name, panel.path("datasource").path("uid").asText(), panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                assertEquals(name, target.path("datasource").path("uid").asText(), panel.path("title").asText());
                assertFalse(target.path("expr").asText().isBlank(), panel.path("title").asText());
                queries++;
            }
        }
        assertTrue(queries >= 15, "a query per metric and more: " + queries);
    }

    @Test
    void metricNames_areFoundBehindFunctionsLabelsRangesAndGroupings() {
        assertEquals(Set.of("pdx_policy_decisions_seconds_bucket"), DashboardQueries.metricNames(
                "histogram_quantile(0.99, sum by (le, package) (rate(pdx_policy_decisions_seconds_bucket{outcome=~\"A|B\"}[$__rate_interval])))"));
        assertEquals(Set.of("pdx_license_applications_total"), DashboardQueries.metricNames(
                "sum(increase(pdx_license_applications_total{decision=\"AUTO_APPROVE\"}[$__range])) / clamp_min(sum(increase(pdx_license_applications_total[5m])), 1)"));
        assertEquals(Set.of("pdx_privacy_epsilon_spent_micros"), DashboardQueries.metricNames("max by (grade) (pdx_privacy_epsilon_spent_micros) / 1e6"));
        assertEquals(Set.of("a_total", "b_total"), DashboardQueries.metricNames("a_total and on (x) b_total offset 5m"));
    }

    @Test
    void theDashboardReadsEveryMetricThePlatformDefines() throws Exception {
        Set<String> used = new java.util.TreeSet<>();
        DashboardQueries.expressions(DashboardQueries.read()).forEach(expr -> used.addAll(DashboardQueries.metricNames(expr)));
        for (String defined : Set.of(MetricNames.LICENSE_APPLICATIONS + ".total", MetricNames.JOB_OUTCOMES + ".total",
                MetricNames.RELEASES + ".total", MetricNames.JOBS, MetricNames.EPSILON_SPENT, MetricNames.REVIEW_BACKLOG,
                MetricNames.REVIEW_BACKLOG_OLDEST, io.pdx.policy.client.PolicyDecisionMetrics.DECISIONS + ".seconds.bucket")) {
            assertTrue(used.contains(defined.replace('.', '_')), "the dashboard shows " + defined + ": " + used);
        }
    }
}
