package io.pdx.sandbox.engine.duckdb;

import io.pdx.sandbox.driver.DuckDb;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.ResultSet;
import java.sql.Statement;

/** Ready when the embedded DuckDB engine loads and answers, and engine processes start (the jobs run in them). */
@Readiness
@ApplicationScoped
public class DuckDbHealthCheck implements HealthCheck {

    private final EngineProcesses processes;

    public DuckDbHealthCheck(EngineProcesses processes) {
        this.processes = processes;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("DuckDB engine");
        if (!Boolean.TRUE.equals(processes.starting())) {
            return response.down().build(); // not yet started, or an engine process could not start
        }
        try (var duck = DuckDb.inMemory();
             Statement sql = duck.createStatement();
             ResultSet version = sql.executeQuery("SELECT version()")) {
            version.next();
            return response.up().build(); // no version: it would tell a caller which engine bugs to try
        } catch (Exception broken) {
            org.jboss.logging.Logger.getLogger(DuckDbHealthCheck.class).warnf("DuckDB not ready: %s", broken.getClass().getSimpleName());
            return response.down().build();
        }
    }
}
