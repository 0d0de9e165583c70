package io.pdx.contracts.licensing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pdx.contracts.sandbox.PrivacyBudget;

/**
 * What a SANDBOX license lets its organization's developers query, found without reading the server's files:
 * the dataset's alias (the table name in SQL), each licensed column with its tag and the uses its tag allows, the
 * query templates of the dataset, and the privacy settings (ε range, δ, the budget left).
 *
 * @param mode        {@code SANDBOX} (statements run here) or {@code DELIVERY} (the licensed columns are delivered)
 * @param alias       the table name statements use, e.g. {@code bus_card_swipes}
 * @param entityColumn the privacy unit: k and the DP bounds count its distinct values
 * @param columns     the licensed columns
 * @param aggregates  aggregate functions the grade allows
 * @param rowLevelOutput whether a statement may return rows (not only aggregates)
 * @param k           distinct entities a released group (or row-level result) needs
 * @param rowCap      the most rows a result has
 * @param release     {@code AUTO} or {@code REVIEW}
 * @param privacy     differential privacy settings, null where the grade releases exact values
 * @param templates   the pre-reviewed query templates of this dataset
 * @param combinable  the datasets the organization may join with this one in a job (a clean room), with the join keys
 */
public record Workspace(UUID licenseId, UUID datasetId, String datasetNameZh, String datasetNameEn, String grade, String mode,
                        String alias, String entityColumn,
                        List<WorkspaceColumn> columns, List<String> aggregates, boolean rowLevelOutput, Integer k, long rowCap,
                        String release, Privacy privacy, List<Template> templates, List<Combinable> combinable) {

    public Workspace {
        combinable = combinable == null ? List.of() : List.copyOf(combinable);
    }

    /**
     * A dataset the caller may join with this workspace's in one job (a clean room): another SANDBOX license of the
     * organization, in force, whose dataset shares a declared join key with this one. Name it in a job's
     * {@code joinLicenseIds}; join only on the columns listed, each with the key domain it shares.
     *
     * @param joinKeys this dataset's columns → their join-key domain, only those that this workspace's dataset declares too
     */
    public record Combinable(UUID licenseId, UUID datasetId, String datasetNameZh, String datasetNameEn, String grade,
                             String alias, List<JoinKey> joinKeys) {
    }

    /** A column that may be joined on, with the key domain it shares with the other side. */
    public record JoinKey(String column, String joinKey) {
    }

    /**
     * @param uses         the uses an aggregate statement may make of it ({@code AGGREGATE}, {@code GROUP_BY}, {@code WHERE},
     *                     {@code JOIN}, {@code ENTITY_COUNT})
     * @param rowLevelUses the uses a row-level statement may make of it ({@code SELECT}, {@code WHERE}, {@code JOIN})
     * @param lower        declared lower bound (values below are clamped), for columns that may be summed under DP
     * @param joinKey      the key domain it may be joined on, or null
     */
    public record WorkspaceColumn(String name, String type, String tag, String description, List<String> uses,
                                  List<String> rowLevelUses, BigDecimal lower, BigDecimal upper, BigDecimal granularity,
                                  String joinKey) {
    }

    /**
     * @param epsilonDefault the ε a job spends when it names none (the middle of the range)
     * @param maxRowsPerEntity rows one entity contributes at most
     * @param maxGroupsPerEntity groups one entity contributes to at most
     */
    public record Privacy(BigDecimal epsilonMin, BigDecimal epsilonMax, BigDecimal epsilonDefault, BigDecimal delta,
                          int maxRowsPerEntity, int maxGroupsPerEntity, PrivacyBudget budget) {
    }

    /**
     * @param params the parameters to give, by name
     * @param joins  the other datasets the template reads (aliases), beside this license's: a job from it names a license
     *               of the organization for each in {@code joinLicenseIds} (a clean-room template); empty for one dataset
     */
    public record Template(String id, String titleZh, String titleEn, String sql, Map<String, TemplateParameter> params,
                           boolean autoRelease, List<String> joins) {

        public Template {
            joins = joins == null ? List.of() : List.copyOf(joins);
        }
    }

    /**
     * @param kind    {@code PATTERN}, {@code ONE_OF} or {@code INTEGER}
     */
    public record TemplateParameter(String kind, String pattern, List<String> values, Long min, Long max, String descriptionZh,
                                    String descriptionEn) {
    }
}
