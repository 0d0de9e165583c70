package io.pdx.sandbox.api;


import io.pdx.contracts.runner.Analysis;
import io.pdx.contracts.runner.AnalysisRequest;
import io.pdx.sandbox.engine.RunFailure;
import io.pdx.sandbox.engine.StatementAnalysis;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Static analysis of a statement before admission: what it reads and what it would output. */
@Path("/internal/v1/analysis")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AnalysisResource {

    private final StatementAnalysis analysis;

    public AnalysisResource(StatementAnalysis analysis) {
        this.analysis = analysis;
    }

    @POST
    @Blocking
    public Analysis analyse(AnalysisRequest request) throws RunFailure {
        if (request == null || request.sql() == null || request.datasets().isEmpty()) {
            throw new RunFailure("sql_invalid", 400, "请求不完整", "The request is incomplete");
        }
        return analysis.analyse(request.sql(), request.datasets());
    }
}
