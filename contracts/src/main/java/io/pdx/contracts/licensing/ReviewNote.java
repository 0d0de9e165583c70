package io.pdx.contracts.licensing;

/** A reviewer's reason for a decision on an application (required for a rejection). */
public record ReviewNote(String reason) {
}
