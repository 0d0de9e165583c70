package io.pdx.sandbox.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The limits every job's DuckDB runs under ({@code pdx.sandbox.limits.*}). */
@ConfigMapping(prefix = "pdx.sandbox.limits")
public interface SandboxLimits {

    /** DuckDB {@code memory_limit}, e.g. {@code 1GB}. */
    @WithDefault("1GB")
    String memoryLimit();

    /** DuckDB {@code threads}. */
    @WithDefault("2")
    int threads();

    /** Wall-clock limit of one query; past it the query is cancelled and the job fails. */
    @WithDefault("PT60S")
    Duration timeLimit();

    /** Largest stored result (Arrow IPC bytes); past it the job fails. */
    @WithDefault("536870912")
    long resultMaxBytes();

    /** How long a result is kept after its run. */
    @WithDefault("P1D")
    Duration resultRetention();

    /** Rows per Arrow record batch. */
    @WithDefault("65536")
    int batchRows();
}
