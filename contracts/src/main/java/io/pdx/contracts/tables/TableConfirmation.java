package io.pdx.contracts.tables;

import io.pdx.contracts.catalog.ColumnSpec;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * {@code POST /api/v1/tables/{id}/confirm}: every inferred column, by its name, with the tag its organization gives it
 * (IDENTIFIER, QUASI_IDENTIFIER, SENSITIVE, ATTRIBUTE, METRIC), bounds for what may be summed and the join key it may be
 * joined on; the types are the inferred ones.
 */
@Schema(description = "Tags, bounds and join keys of every inferred column / 确认列标签与关联键")
public record TableConfirmation(@Schema(required = true) List<ColumnSpec> columns) {
}
