package io.pdx.contracts.runner;

/** What sandbox-runner deleted of an organization's table: the SHA-256 and size of the file it kept. */
public record DeletedTable(String sha256, long bytes) {
}
