package io.pdx.contracts.tables;

/** An organization's own table: uploaded (schema inferred), confirmed (columns tagged, joinable), deleted. */
public enum TableState {
    UPLOADED,
    CONFIRMED,
    DELETED
}
