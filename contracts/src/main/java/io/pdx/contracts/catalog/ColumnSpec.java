package io.pdx.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * One column of a dataset schema, with the tag its controls follow.
 *
 * @param lower       for a METRIC column that may be summed or averaged under differential privacy: the
 *                    smallest value one row contributes (values below are clamped up to it)
 * @param upper       the largest value one row contributes (values above are clamped down to it)
 * @param granularity the grid released values lie on, a power of ten (0.01 for money in yuan, 1 for counts);
 *                    lower and upper are multiples of it. The three are declared by the provider, never
 *                    read from the data: the noise's sensitivity comes from them.
 * @param joinKey     the key domain this column may be joined on (e.g. {@code route_id}); a join is allowed
 *                    only between two columns of different datasets that declare the same domain. Null: not a join key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A column with its tag. Checked beyond this schema (422): names are unique within a dataset; lower, "
        + "upper and granularity are declared together, granularity a power of ten from 0.000001 to 1000000, lower below "
        + "upper, both multiples of granularity and at most 10^15 of its units from 0; a METRIC column of IMPORTANT data "
        + "declares them.")
public record ColumnSpec(
        @Schema(required = true, type = SchemaType.STRING, implementation = Name.class) String name,
        @Schema(required = true, enumeration = {"VARCHAR", "INTEGER", "BIGINT", "DOUBLE", "DECIMAL", "BOOLEAN", "DATE", "TIMESTAMP"},
                description = "The column's SQL type") String type,
        @Schema(required = true) ColumnTag tag,
        @Schema(pattern = Text.NO_NUL, maxLength = MAX_DESCRIPTION) String description,
        BigDecimal lower,
        BigDecimal upper,
        BigDecimal granularity,
        @Schema(pattern = JOIN_KEY, description = "The key domain this column may be joined on, e.g. route_id") String joinKey) {

    public static final int MAX_DESCRIPTION = 500;
    /** The SQL types a column may have (the schema's enumeration of {@code type} lists the same). */
    public static final java.util.Set<String> TYPES = java.util.Set.of("VARCHAR", "INTEGER", "BIGINT", "DOUBLE", "DECIMAL",
            "BOOLEAN", "DATE", "TIMESTAMP");
    /** A column's name: what SQL over the dataset calls it. */
    public static final String NAME = "^[a-z_][a-z0-9_]{0,62}$";
    /** A key domain's name. */
    public static final String JOIN_KEY = "^[a-z][a-z0-9_]{0,62}$";

    /** A column name as the OpenAPI document shows it wherever one is sent. */
    @Schema(name = "ColumnName", type = SchemaType.STRING, pattern = NAME,
            description = "A column name: lower-case letters, digits and _, starting with a letter or _, at most 63 characters")
    public static final class Name {
        private Name() {
        }
    }

    public ColumnSpec(String name, String type, ColumnTag tag, String description) {
        this(name, type, tag, description, null, null, null, null);
    }

    /** Whether the provider declared the clamping bounds and grid of this column. */
    public boolean bounded() {
        return lower != null && upper != null && granularity != null;
    }

    /** This column with declared bounds. */
    public ColumnSpec withBounds(BigDecimal lower, BigDecimal upper, BigDecimal granularity) {
        return new ColumnSpec(name, type, tag, description, lower, upper, granularity, joinKey);
    }

    /** This column declared as a join key of {@code domain}. */
    public ColumnSpec withJoinKey(String domain) {
        return new ColumnSpec(name, type, tag, description, lower, upper, granularity, domain);
    }
}
