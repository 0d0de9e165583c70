package io.pdx.sandbox.sql;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.policy.ControlsResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.pdx.contracts.ColumnTag.ATTRIBUTE;
import static io.pdx.contracts.ColumnTag.IDENTIFIER;
import static io.pdx.contracts.ColumnTag.METRIC;
import static io.pdx.contracts.ColumnTag.QUASI_IDENTIFIER;
import static io.pdx.contracts.ColumnTag.SENSITIVE;

/** Two licensed datasets and the GENERAL and IMPORTANT sandbox controls of policy/data.json. */
final class GuardFixture {

    static final TableSchema SWIPES = new TableSchema("bus_card_swipes", Grade.GENERAL, "card_id", columns(
            "card_id", IDENTIFIER,
            "swipe_time", QUASI_IDENTIFIER,
            "route_id", ATTRIBUTE,
            "stop_id", ATTRIBUTE,
            "district_code", QUASI_IDENTIFIER,
            "card_type", ATTRIBUTE,
            "fare_cents", METRIC,
            "is_transfer", ATTRIBUTE));

    static final TableSchema CLAIMS = new TableSchema("medical_insurance_claims", Grade.IMPORTANT, "person_id", columns(
            "person_id", IDENTIFIER,
            "id_card_no", IDENTIFIER,
            "age", QUASI_IDENTIFIER,
            "gender", QUASI_IDENTIFIER,
            "district_code", QUASI_IDENTIFIER,
            "hospital_code", ATTRIBUTE,
            "diagnosis_code", SENSITIVE,
            "settle_date", QUASI_IDENTIFIER,
            "total_amount", METRIC,
            "fund_paid", METRIC,
            "self_paid", METRIC));

    static final Map<String, TableSchema> TABLES = Map.of(SWIPES.alias(), SWIPES, CLAIMS.alias(), CLAIMS);

    /** {@code pdx.config.sandbox.untagged_output_uses} */
    static final Set<String> UNTAGGED_OUTPUT_USES = Set.of("AGGREGATE");

    /** {@code pdx.config.grades.GENERAL.sandbox} */
    static final ControlsResult GENERAL = new ControlsResult("GENERAL", true, 10, false, null, null, null, null,
            1_000_000, true, List.of("COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX"), List.of(),
            List.of("INNER"), true, Map.of(
                    "IDENTIFIER", List.of("JOIN"),
                    "QUASI_IDENTIFIER", List.of("AGGREGATE", "GROUP_BY", "WHERE", "JOIN"),
                    "SENSITIVE", List.of("AGGREGATE", "GROUP_BY", "WHERE"),
                    "ATTRIBUTE", List.of("SELECT", "AGGREGATE", "GROUP_BY", "WHERE", "JOIN"),
                    "METRIC", List.of("SELECT", "AGGREGATE", "GROUP_BY", "WHERE")),
            "AUTO", true);

    /** {@code pdx.config.grades.IMPORTANT.sandbox} */
    static final ControlsResult IMPORTANT = new ControlsResult("IMPORTANT", true, 50, true, 5.0, "LAPLACE", 1.0, 10.0,
            10_000, false, List.of("COUNT", "SUM", "AVG"), List.of("COUNT", "SUM", "AVG"),
            List.of("INNER"), false, Map.of(
                    "IDENTIFIER", List.of("JOIN"),
                    "QUASI_IDENTIFIER", List.of("AGGREGATE", "GROUP_BY", "WHERE", "JOIN"),
                    "SENSITIVE", List.of("AGGREGATE", "WHERE"),
                    "ATTRIBUTE", List.of("AGGREGATE", "GROUP_BY", "WHERE", "JOIN"),
                    "METRIC", List.of("AGGREGATE", "WHERE")),
            "REVIEW", true);

    /** {@code pdx.config.grades.CORE.sandbox} */
    static final ControlsResult CORE = new ControlsResult("CORE", false, null, false, null, null, null, null,
            0, false, List.of(), List.of(), List.of(), false, Map.of(), "DENY", false);

    private GuardFixture() {
    }

    private static LinkedHashMap<String, ColumnTag> columns(Object... nameThenTag) {
        LinkedHashMap<String, ColumnTag> columns = new LinkedHashMap<>();
        for (int i = 0; i < nameThenTag.length; i += 2) {
            columns.put((String) nameThenTag[i], (ColumnTag) nameThenTag[i + 1]);
        }
        return columns;
    }
}
