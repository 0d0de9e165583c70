package io.pdx.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pdx.contracts.ColumnTag;

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
public record ColumnSpec(String name, String type, ColumnTag tag, String description, BigDecimal lower,
                         BigDecimal upper, BigDecimal granularity, String joinKey) {

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
