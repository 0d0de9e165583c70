package io.pdx.marketplace.sandbox;

import io.pdx.contracts.product.LicenseMode;
import io.smallrye.mutiny.Multi;
import java.time.Clock;

import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.licensing.Workspace;
import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.SandboxAdmissionInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.contracts.sandbox.PrivacyBudget;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.sandbox.admission.PrivacySpending;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a license lets its organization query, from the same sources a job is checked against: the licensed
 * columns as the sandbox sees them, the grade's output controls from OPA ({@code pdx.sandbox.controls}), the
 * query templates of the dataset and the privacy budget left this period.
 */
@ApplicationScoped
public class LicenseWorkspace {

    static final String CONTROLS = "pdx/sandbox/controls";

    private final PolicyClient policy;
    private final QueryTemplates templates;
    private final PrivacySpending spending;
    private final Clock clock;

    public LicenseWorkspace(PolicyClient policy, QueryTemplates templates, PrivacySpending spending, Clock clock) {
        this.clock = clock;
        this.policy = policy;
        this.templates = templates;
        this.spending = spending;
    }

    /** Within a session. */
    public Uni<Workspace> of(License license, Dataset dataset, Subject subject) {
        SandboxDataset licensed = LicensedData.of(license, dataset);
        SandboxAdmissionInput input = new SandboxAdmissionInput(subject, null, null, new SandboxAdmissionInput.Job("workspace",
                List.of(new SandboxAdmissionInput.JobDataset(dataset.id.toString(), dataset.grade.name(), List.of())), null, false));
        return policy.evaluate(CONTROLS, input, ControlsResult.class).map(answer -> answer.result())
                .flatMap(controls -> spending.budget(license.organization, dataset.id, controls)
                        .flatMap(budget -> combinable(license, licensed)
                                .map(combinable -> workspace(license, dataset, licensed, controls, budget, combinable))));
    }

    /**
     * The organization's other SANDBOX licenses in force whose dataset shares a declared join key with this one (both
     * sides licensed), with the other dataset's columns that may be joined on. Ordered by dataset name.
     */
    private Uni<List<Workspace.Combinable>> combinable(License license, SandboxDataset licensed) {
        Map<String, String> mine = joinKeys(licensed);
        if (mine.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return License.<License>list("organization = ?1 and mode = ?2 and id <> ?3", license.organization, LicenseMode.SANDBOX,
                        license.id)
                .flatMap(others -> Multi.createFrom().iterable(others.stream().filter(other -> other.inForce(clock)).toList())
                        .onItem().transformToUniAndConcatenate(other -> Dataset.<Dataset>findById(other.datasetId)
                                .map(otherDataset -> combinable(other, otherDataset, licensed, mine)))
                        .collect().asList())
                .map(found -> found.stream().filter(java.util.Objects::nonNull)
                        .sorted(java.util.Comparator.comparing(Workspace.Combinable::datasetNameEn,
                                java.util.Comparator.nullsLast(String::compareTo)))
                        .toList());
    }

    private static Workspace.Combinable combinable(License other, Dataset dataset, SandboxDataset licensed, Map<String, String> mine) {
        if (dataset == null) {
            return null;
        }
        SandboxDataset theirs;
        try {
            theirs = LicensedData.of(other, dataset);
        } catch (RuntimeException noSandboxData) {
            return null;
        }
        if (theirs.alias().equals(licensed.alias())) {
            return null; // the same table: a dataset is not joined with itself
        }
        List<Workspace.JoinKey> keys = theirs.columns().stream()
                .filter(column -> column.joinKey() != null && mine.containsValue(column.joinKey()))
                .map(column -> new Workspace.JoinKey(column.name(), column.joinKey()))
                .toList();
        return keys.isEmpty() ? null : new Workspace.Combinable(other.id, dataset.id, dataset.nameZh, dataset.nameEn,
                dataset.grade.name(), theirs.alias(), keys);
    }

    /** The licensed columns that declare a join key: column → key domain. */
    private static Map<String, String> joinKeys(SandboxDataset licensed) {
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        licensed.columns().stream().filter(column -> column.joinKey() != null)
                .forEach(column -> keys.put(column.name(), column.joinKey()));
        return keys;
    }

    private Workspace workspace(License license, Dataset dataset, SandboxDataset licensed, ControlsResult controls,
                                PrivacyBudget budget, List<Workspace.Combinable> combinable) {
        List<Workspace.WorkspaceColumn> columns = licensed.columns().stream().map(column -> column(column, controls)).toList();
        List<Workspace.Template> mine = templates.all().stream()
                .filter(template -> template.dataset().equals(licensed.alias()))
                .map(template -> new Workspace.Template(template.id(), template.titleZh(), template.titleEn(), template.sql(),
                        parameters(template.params()), controls.template_auto_release(), template.joins()))
                .toList();
        return new Workspace(license.id, dataset.id, dataset.nameZh, dataset.nameEn, dataset.grade.name(), license.mode.name(),
                licensed.alias(), licensed.entityColumn(), columns, controls.aggregates(), controls.row_level_output(), controls.k(),
                controls.row_cap(), controls.release(), privacy(controls, budget), mine, combinable);
    }

    private static Workspace.WorkspaceColumn column(ColumnSpec column, ControlsResult controls) {
        String tag = column.tag().name();
        return new Workspace.WorkspaceColumn(column.name(), column.type(), tag, column.description(),
                controls.column_uses().getOrDefault(tag, List.of()),
                controls.row_level_output() ? controls.row_level_column_uses().getOrDefault(tag, List.of()) : List.of(),
                column.lower(), column.upper(), column.granularity(), column.joinKey());
    }

    private static Workspace.Privacy privacy(ControlsResult controls, PrivacyBudget budget) {
        if (!controls.differentiallyPrivate()) {
            return null;
        }
        BigDecimal min = BigDecimal.valueOf(controls.epsilon_min());
        BigDecimal max = BigDecimal.valueOf(controls.epsilon_max());
        return new Workspace.Privacy(min, max, min.add(max).divide(BigDecimal.valueOf(2)), BigDecimal.valueOf(controls.delta_per_query()),
                controls.max_rows_per_entity(), controls.max_groups_per_entity(), budget);
    }

    private static Map<String, Workspace.TemplateParameter> parameters(Map<String, QueryTemplates.Parameter> params) {
        return params.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> {
            QueryTemplates.Parameter parameter = entry.getValue();
            return new Workspace.TemplateParameter(parameter.kind(), parameter.pattern(), parameter.values(), parameter.min(),
                    parameter.max(), parameter.descriptionZh(), parameter.descriptionEn());
        }));
    }
}
