package io.pdx.sandbox.api;

import io.pdx.contracts.runner.RunRequest;
import io.pdx.contracts.runner.RunSummary;
import io.pdx.sandbox.engine.JobExecution;
import io.pdx.sandbox.engine.results.ResultReading;
import io.pdx.sandbox.engine.results.ResultStore;
import io.pdx.sandbox.engine.RunFailure;
import io.pdx.sandbox.observability.RunnerMetrics;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import io.pdx.contracts.runner.ResultFormat;
import io.pdx.sandbox.engine.results.ParquetExport;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/** Runs admitted jobs and hands out their stored results; only marketplace-api calls it. */
@Path("/internal/v1/jobs/{id}")
public class JobResource {

    public static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";

    private final JobExecution execution;
    private final ResultReading reading;
    private final ResultStore store;
    private final ParquetExport parquetExport;
    private final RunnerMetrics metrics;

    public JobResource(JobExecution execution, ResultReading reading, ResultStore store, ParquetExport parquetExport,
                       RunnerMetrics metrics) {
        this.parquetExport = parquetExport;
        this.metrics = metrics;
        this.execution = execution;
        this.reading = reading;
        this.store = store;
    }

    @POST
    @Path("/run")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public RunSummary run(@PathParam("id") UUID id, RunRequest request) throws RunFailure, IOException {
        if (request == null || !id.equals(request.jobId()) || request.sql() == null) {
            throw new RunFailure("sql_invalid", 400, "请求不完整", "The request is incomplete");
        }
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            return execution.run(request);
        } catch (RunFailure | IOException | RuntimeException | Error thrown) {
            failure = thrown;
            throw thrown;
        } finally {
            metrics.ran(request, failure, System.nanoTime() - started);
        }
    }

    @GET
    @Path("/summary")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public RunSummary summary(@PathParam("id") UUID id) throws RunFailure, IOException {
        return reading.summary(id);
    }

    /** The stored Arrow stream as it is, or ({@code format=parquet}) converted to one Parquet file. */
    @GET
    @Path("/result")
    @Blocking
    public Response result(@PathParam("id") UUID id, @QueryParam("format") @DefaultValue("arrow") String format)
            throws RunFailure, IOException {
        boolean parquet = "parquet".equals(format);
        InputStream in = reading.arrowStream(id);
        StreamingOutput body = out -> {
            try (in) {
                if (parquet) {
                    parquetExport.write(in, out);
                    return;
                }
                byte[] chunk = new byte[1 << 20];
                for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                    out.write(chunk, 0, read);
                }
            }
        };
        return Response.ok(body, parquet ? ResultFormat.PARQUET_FILE : ARROW_STREAM).build();
    }

    @GET
    @Path("/preview")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public StreamingOutput preview(@PathParam("id") UUID id, @QueryParam("rows") @DefaultValue("100") int rows)
            throws RunFailure, IOException {
        reading.summary(id);
        int limit = Math.max(0, Math.min(rows, 100));
        return out -> {
            try {
                reading.preview(id, limit, out);
            } catch (RunFailure gone) {
                throw new IOException("result expired", null);
            }
        };
    }

    @DELETE
    @Blocking
    public void delete(@PathParam("id") UUID id) throws IOException {
        store.delete(id);
    }
}
