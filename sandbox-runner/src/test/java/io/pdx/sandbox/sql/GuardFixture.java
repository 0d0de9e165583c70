package io.pdx.sandbox.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.policy.ControlsResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.pdx.contracts.ColumnTag.ATTRIBUTE;
import static io.pdx.contracts.ColumnTag.IDENTIFIER;
import static io.pdx.contracts.ColumnTag.METRIC;
import static io.pdx.contracts.ColumnTag.QUASI_IDENTIFIER;
import static io.pdx.contracts.ColumnTag.SENSITIVE;

/**
 * Licensed datasets shaped like the demo's, and the sandbox controls of each grade read from
 * {@code policy/data.json} itself (as OPA's {@code pdx.sandbox.controls} composes them), so the guard is
 * tested against the policy data that is in force, not a copy of it.
 */
public final class GuardFixture {

    public static final TableSchema SWIPES = TableSchema.of("bus_card_swipes", Grade.GENERAL, "card_id", List.of(
            column("card_id", "VARCHAR", IDENTIFIER),
            column("swipe_time", "TIMESTAMP", QUASI_IDENTIFIER),
            column("route_id", "VARCHAR", ATTRIBUTE).withJoinKey("bus_route"),
            column("stop_id", "VARCHAR", ATTRIBUTE),
            column("district_code", "VARCHAR", QUASI_IDENTIFIER),
            column("card_type", "VARCHAR", ATTRIBUTE),
            column("fare_cents", "INTEGER", METRIC),
            column("is_transfer", "BOOLEAN", ATTRIBUTE)));

    /** A second GENERAL dataset that shares the declared key domain {@code bus_route} with {@link #SWIPES}. */
    public static final TableSchema ROUTES = TableSchema.of("bus_routes", Grade.GENERAL, "route_id", List.of(
            column("route_id", "VARCHAR", ATTRIBUTE).withJoinKey("bus_route"),
            column("operator", "VARCHAR", ATTRIBUTE),
            column("district_code", "VARCHAR", QUASI_IDENTIFIER),
            column("length_km", "DOUBLE", METRIC)));

    public static final TableSchema CLAIMS = TableSchema.of("medical_insurance_claims", Grade.IMPORTANT, "person_id", List.of(
            column("person_id", "VARCHAR", IDENTIFIER),
            column("id_card_no", "VARCHAR", IDENTIFIER),
            column("age", "INTEGER", QUASI_IDENTIFIER),
            column("gender", "VARCHAR", QUASI_IDENTIFIER),
            column("district_code", "VARCHAR", QUASI_IDENTIFIER),
            column("hospital_code", "VARCHAR", ATTRIBUTE),
            column("diagnosis_code", "VARCHAR", SENSITIVE),
            column("settle_date", "DATE", QUASI_IDENTIFIER),
            column("total_amount", "DOUBLE", METRIC).withBounds(new BigDecimal("0"), new BigDecimal("50000"), new BigDecimal("0.01")),
            column("fund_paid", "DOUBLE", METRIC).withBounds(new BigDecimal("0"), new BigDecimal("35000"), new BigDecimal("0.01")),
            column("self_paid", "DOUBLE", METRIC)));

    public static final Map<String, TableSchema> TABLES = Map.of(SWIPES.alias(), SWIPES, ROUTES.alias(), ROUTES,
            CLAIMS.alias(), CLAIMS);

    private static final JsonNode CONFIG = config();

    /** {@code pdx.config.sandbox.untagged_output_uses} */
    public static final Set<String> UNTAGGED_OUTPUT_USES = Set.copyOf(strings(CONFIG.at("/sandbox/untagged_output_uses")));

    public static final ControlsResult GENERAL = controls("GENERAL");
    public static final ControlsResult IMPORTANT = controls("IMPORTANT");
    public static final ControlsResult CORE = controls("CORE");

    private GuardFixture() {
    }

    /** The controls of {@code grade} as {@code pdx.sandbox.controls} answers them. */
    public static ControlsResult controls(String grade) {
        ObjectNode sandbox = ((ObjectNode) CONFIG.at("/grades/" + grade + "/sandbox")).deepCopy();
        sandbox.put("grade", grade);
        sandbox.set("order_statistics_refused", CONFIG.at("/sandbox/order_statistics_refused"));
        sandbox.set("cost", CONFIG.at("/sandbox/cost"));
        try {
            return new ObjectMapper().treeToValue(sandbox, ControlsResult.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static JsonNode config() {
        try {
            return new ObjectMapper().readTree(Path.of("..", "policy", "data.json").toFile()).at("/pdx/config");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static ColumnSpec column(String name, String type, ColumnTag tag) {
        return new ColumnSpec(name, type, tag, null);
    }
}
