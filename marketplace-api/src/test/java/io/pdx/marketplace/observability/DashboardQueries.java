package io.pdx.marketplace.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard of k8s/grafana: its PromQL queries, and the metric names they read. */
final class DashboardQueries {

    static final Path DASHBOARD = Path.of("..", "k8s", "grafana", "pdx-dashboard.json");

    /** PromQL words that are not metric names: operators, modifiers, aggregation clauses. */
    static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "and", "or", "unless", "offset", "atan2", "inf", "nan");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPINGS = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern WORD = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private DashboardQueries() {
    }

    static JsonNode read() throws IOException {
        return new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    /** Every {@code expr} of every target of every panel (rows' nested panels included). */
    static List<String> expressions(JsonNode dashboard) {
        List<String> found = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> found.add(expr.asText()));
        return found;
    }

    /** The metric names a PromQL expression reads: every word left once labels, ranges, groupings and functions are gone. */
    static Set<String> metricNames(String expr) {
        String rest = STRINGS.matcher(expr).replaceAll(" ");
        rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = GROUPINGS.matcher(rest).replaceAll(" ");
        rest = VARIABLES.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher word = WORD.matcher(rest);
        while (word.find()) {
            String candidate = word.group();
            int after = word.end();
            while (after < rest.length() && rest.charAt(after) == ' ') {
                after++;
            }
            boolean function = after < rest.length() && rest.charAt(after) == '(';
            boolean number = word.start() > 0 && Character.isDigit(rest.charAt(word.start() - 1)); // 1e6
            if (!function && !number && !KEYWORDS.contains(candidate.toLowerCase())) {
                names.add(candidate);
            }
        }
        return names;
    }

    /** The metric names a Prometheus text exposition holds (each series' name). */
    static Set<String> exposed(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher name = WORD.matcher(line);
            if (name.lookingAt()) {
                names.add(name.group());
            }
        }
        return names;
    }
}
