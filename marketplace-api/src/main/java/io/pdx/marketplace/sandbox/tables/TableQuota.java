package io.pdx.marketplace.sandbox.tables;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an organization may keep of its own tables, from the policy data ({@code pdx.config.sandbox.own_tables}): how
 * many tables, how many bytes in all, and how large one upload may be.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TableQuota(long max_tables, long max_bytes, long max_upload_bytes) {

    static final String PATH = "pdx/config/sandbox/own_tables";
}
