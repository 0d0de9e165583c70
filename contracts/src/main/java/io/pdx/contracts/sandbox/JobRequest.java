package io.pdx.contracts.sandbox;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/sandbox/jobs}: either {@code sql} over the aliases of the licensed datasets,
 * or a {@code templateId} with its {@code params}.
 *
 * @param epsilon the ε to spend on a noised result (IMPORTANT data); null spends the grade's ε per query
 */
@Schema(description = "A sandbox job: sql, or templateId with params. Checked beyond this schema (422): exactly one of sql "
        + "and templateId is given; templateId names a template of the license's workspace and params are its parameters "
        + "with values of their types; epsilon lies within the grade's range (GET /api/v1/licenses/{id}/workspace). "
        + "The statement itself is then analysed (422 with reasons when refused) and admitted by the policy (403).")
public record JobRequest(
        @Schema(required = true, description = "A SANDBOX license of your organization") UUID licenseId,
        @Schema(pattern = Text.NOT_BLANK, maxLength = MAX_SQL, description = "One SELECT over the workspace's table aliases") String sql,
        @Schema(pattern = Text.NOT_BLANK, maxLength = MAX_TEMPLATE_ID, description = "A query template of the workspace") String templateId,
        @Schema(description = "The template's parameters by name") Map<String, String> params,
        @Schema(description = "ε to spend on a noised result (IMPORTANT data); the grade's ε per query when absent") Double epsilon,
        @Schema(maxItems = MAX_JOINED, description = "A clean room: further SANDBOX licenses of your organization whose datasets "
                + "the statement joins with the first license's (on declared join keys only). Each license is admitted on its "
                + "own by the policy; the strictest grade read decides the output controls; each noised dataset's ε is charged "
                + "to its own budget, all or none. / 净室：同一作业再联合本机构的其他沙箱许可数据集") List<UUID> joinLicenseIds,
        @Schema(maxItems = MAX_JOINED, description = "A clean room with your own data: CONFIRMED tables of your organization "
                + "(POST /api/v1/tables) that the statement joins with the licensed public data, by their alias, on declared join "
                + "keys. k and the differencing check count the public data's entities; the tables' rows never leave. / 联合本机构的自有数据表") List<UUID> tableIds) {

    public static final int MAX_SQL = 20_000;
    public static final int MAX_JOINED = 3;

    public JobRequest {
        joinLicenseIds = joinLicenseIds == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(joinLicenseIds)); // nulls kept: refused by the check, not a 500
        tableIds = tableIds == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tableIds));
    }

    /** A job over one license. */
    public JobRequest(UUID licenseId, String sql, String templateId, Map<String, String> params, Double epsilon) {
        this(licenseId, sql, templateId, params, epsilon, List.of(), List.of());
    }

    /** A job over several licenses. */
    public JobRequest(UUID licenseId, String sql, String templateId, Map<String, String> params, Double epsilon,
                      List<UUID> joinLicenseIds) {
        this(licenseId, sql, templateId, params, epsilon, joinLicenseIds, List.of());
    }

    /** Every license the job runs under: the first, then the joined ones. */
    public List<UUID> licenseIds() {
        List<UUID> all = new java.util.ArrayList<>();
        all.add(licenseId);
        all.addAll(joinLicenseIds);
        return java.util.Collections.unmodifiableList(all); // nulls kept for the check to name, never a 500
    }
    public static final int MAX_TEMPLATE_ID = 100;
}
