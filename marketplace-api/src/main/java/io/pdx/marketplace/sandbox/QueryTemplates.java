package io.pdx.marketplace.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query templates (预审查询模板): statements the bureau has reviewed, with typed parameters. A
 * parameter is rendered as a literal only after its value passed its check (a pattern of digits, a
 * value from a list, an integer in range), and the filled statement still goes through the SQL
 * guard. Whether a template's result releases automatically is the policy's call
 * ({@code pre_approved_templates} in policy data). A template may span datasets (a clean room): it names the others
 * it joins, and a job from it runs under a license of each, as any joining job does.
 */
@ApplicationScoped
public class QueryTemplates {

    static final String RESOURCE = "/sandbox/query-templates.json";
    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");

    public record Catalog(List<Template> templates) {
    }

    /** @param joins the other datasets the statement joins (aliases), each needing a license of the organization; may be empty */
    public record Template(String id, String titleZh, String titleEn, String dataset, List<String> joins, String sql,
                           Map<String, Parameter> params) {

        public Template {
            joins = joins == null ? List.of() : List.copyOf(joins);
        }
    }

    /** kind PATTERN (regex over [0-9A-Za-z]), ONE_OF (values) or INTEGER (min..max). */
    public record Parameter(String kind, String pattern, List<String> values, Long min, Long max,
                            String descriptionZh, String descriptionEn) {
    }

    private final Map<String, Template> byId;
    private final List<Template> all;

    public QueryTemplates(ObjectMapper json) {
        try (InputStream in = QueryTemplates.class.getResourceAsStream(RESOURCE)) {
            Catalog catalog = json.readValue(in, Catalog.class);
            this.all = List.copyOf(catalog.templates());
            this.byId = all.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Template::id, t -> t));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public List<Template> all() {
        return all;
    }

    /** The template's statement with its parameters filled in; 422 naming the parameter otherwise (a rule beyond the schema). */
    public String fill(String templateId, Map<String, String> params) {
        Template template = byId.get(templateId);
        if (template == null) {
            throw JobProblems.InvalidJob.rules(List.of(new FieldError("templateId", "no such query template")));
        }
        Map<String, String> given = params == null ? Map.of() : params;
        List<FieldError> errors = new ArrayList<>();
        for (String name : given.keySet()) {
            if (!template.params().containsKey(name)) {
                errors.add(new FieldError("params." + name, "the template has no such parameter"));
            }
        }
        Matcher placeholders = PLACEHOLDER.matcher(template.sql());
        StringBuilder sql = new StringBuilder();
        while (placeholders.find()) {
            String name = placeholders.group(1);
            Parameter parameter = template.params().get(name);
            String value = given.get(name);
            String literal = parameter == null ? null : literal(parameter, value);
            if (literal == null) {
                errors.add(new FieldError("params." + name, value == null ? "is required"
                        : "is not a valid " + (parameter == null ? "value" : parameter.descriptionEn())));
                literal = "NULL";
            }
            placeholders.appendReplacement(sql, Matcher.quoteReplacement(literal));
        }
        placeholders.appendTail(sql);
        if (!errors.isEmpty()) {
            throw JobProblems.InvalidJob.rules(errors);
        }
        return sql.toString();
    }

    private static String literal(Parameter parameter, String value) {
        if (value == null) {
            return null;
        }
        return switch (parameter.kind()) {
            case "PATTERN" -> value.matches(parameter.pattern()) && value.matches("[0-9A-Za-z]{1,64}") ? "'" + value + "'" : null;
            case "ONE_OF" -> parameter.values().contains(value) ? "'" + value.replace("'", "''") + "'" : null;
            case "INTEGER" -> integer(value, parameter.min(), parameter.max());
            default -> null;
        };
    }

    private static String integer(String value, Long min, Long max) {
        try {
            long number = Long.parseLong(value);
            boolean inRange = (min == null || number >= min) && (max == null || number <= max);
            return inRange ? Long.toString(number) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
