package io.pdx.marketplace.sandbox.imports;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.pdx.contracts.catalog.QualityReport;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.runner.DatasetImport;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.SearchCache;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.sandbox.runner.RunnerTables;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.pdx.policy.client.PolicyClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A registered version's data entering the domain (数据入域): its holding department uploads the file, streamed to
 * sandbox-runner, which checks it against the registered schema and stores it in the domain's Parquet store; the
 * quality report it computed there (aggregates only) is kept with the version, for the department and the bureau.
 * A refused file changes nothing.
 */
@Path("/api/v1/datasets/{id}")
@Tag(name = "registration")
@io.quarkus.security.Authenticated
public class DatasetDataResource {

    static final String CSV = "text/csv";
    static final String PARQUET = "application/vnd.apache.parquet";

    private final CatalogPolicy catalog;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final RunnerTables runner;
    private final PolicyClient policy;
    private final AuditLog audit;
    private final SearchCache searchCache;
    private final Clock clock;

    public DatasetDataResource(CatalogPolicy catalog, OperationGuard guard, CurrentSubject currentSubject, RunnerTables runner,
                               PolicyClient policy, AuditLog audit, SearchCache searchCache, Clock clock) {
        this.catalog = catalog;
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.runner = runner;
        this.policy = policy;
        this.audit = audit;
        this.searchCache = searchCache;
        this.clock = clock;
    }

    /** The import's limit, from the policy data ({@code pdx.config.sandbox.dataset_import}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImportLimit(long max_upload_bytes) {
        static final String PATH = "pdx/config/sandbox/dataset_import";
    }

    @POST
    @Path("/data")
    @Blocking
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, CSV, PARQUET})
    @Produces(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "importDatasetData", summary = "Bring a registered version's data into the domain / 数据入域",
            description = "The holding department uploads the data of a REGISTERED version (CSV with a header, or Parquet), streamed into the "
                    + "domain and checked there against the registered schema: every registered column present and of its type (422 naming "
                    + "columns and counts otherwise, nothing kept). The answer is the quality report: rows, nulls and distinct values per "
                    + "column, values outside declared METRIC bounds (counted, never shown), freshness against the update frequency.")
    public QualityReport importData(@PathParam("id") UUID id,
                                    @QueryParam("format") @Parameter(description = "csv or parquet; by default from the Content-Type",
                                            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, enumeration = {"csv", "parquet"})) String format,
                                    @HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
                                    InputStream body) throws Throwable {
        Subject subject = currentSubject.get();
        Dataset dataset = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> catalog.visibleDataset(id, subject)
                .call(found -> guard.require(subject, Operation.DATASET_IMPORT, found.asResource()))));
        String kind = format != null ? format : contentType != null && contentType.startsWith(PARQUET) ? "parquet"
                : contentType != null && contentType.startsWith(CSV) ? "csv" : null;
        if (!"csv".equals(kind) && !"parquet".equals(kind)) {
            FieldCheck check = new FieldCheck();
            check.rule("format", "csv or parquet (or send the file as text/csv or application/vnd.apache.parquet)");
            throw new ImportProblem(check.status(), "invalid-request", "Invalid request / 请求无效",
                    "The upload's parameters are invalid / 上传参数无效.", check.errors());
        }
        if (dataset.state() != RegistrationStatus.REGISTERED) {
            throw new ImportProblem(409, "not-registered", "Not registered / 未登记",
                    "Data enters the domain for a registered version; this one is " + dataset.state() + ".", java.util.List.of());
        }
        long limit = VertxContextSupport.subscribeAndAwait(() -> policy.evaluate(ImportLimit.PATH, Map.of(), ImportLimit.class)
                .map(answer -> answer.result().max_upload_bytes()));
        QualityReport report = runner.importData(id, kind, limit,
                new DatasetImport(dataset.schema.columns(), dataset.updateFrequency.name()), body)
                .at(OffsetDateTime.now(clock));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Dataset.<Dataset>findById(id)
                .invoke(stored -> {
                    stored.dataFile = "ds_" + id.toString().replace("-", "") + ".parquet";
                    stored.rowCount = report.rows();
                    stored.qualityReport = report;
                })
                .call(stored -> audit.record(subject.user(), "dataset.import", stored.auditType(), stored.auditId(), null, null,
                        Map.of("rows", report.rows(), "sha256", report.sha256(), "bytes", report.bytes())))));
        searchCache.clear();
        return report;
    }

    /** The quality report of the version's data in the domain: its department and the bureau; 404 before any import. */
    @GET
    @Path("/quality")
    @Produces(MediaType.APPLICATION_JSON)
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getDatasetQuality", summary = "The data's quality report / 数据质量报告",
            description = "Aggregates only: rows, nulls and distinct values per column, values outside declared bounds, freshness.")
    public Uni<QualityReport> quality(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return catalog.visibleDataset(id, subject)
                .call(dataset -> guard.require(subject, Operation.DATASET_QUALITY, dataset.asResource()))
                .map(dataset -> {
                    if (dataset.qualityReport == null) {
                        throw new QualityReportNotFound(id);
                    }
                    return dataset.qualityReport;
                });
    }

    /** A refused import: 400 for its parameters, 409 for the version's state. Nothing is written. */
    static final class ImportProblem extends io.pdx.marketplace.problem.ProblemException {
        ImportProblem(int status, String slug, String title, String detail, java.util.List<io.pdx.contracts.problem.Problem.FieldError> errors) {
            super(status, slug, title, detail, errors);
        }
    }
}
