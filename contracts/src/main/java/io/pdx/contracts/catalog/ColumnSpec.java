package io.pdx.contracts.catalog;

import io.pdx.contracts.ColumnTag;

/** One column of a dataset schema, with the tag its controls follow. */
public record ColumnSpec(String name, String type, ColumnTag tag, String description) {
}
