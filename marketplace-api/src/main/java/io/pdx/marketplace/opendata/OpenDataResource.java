package io.pdx.marketplace.opendata;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.CatalogInput;
import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.runner.DeliveryRequest;
import io.pdx.contracts.runner.ResultFormat;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.DatasetNotFound;
import io.pdx.marketplace.problem.InvalidParameter;
import io.pdx.marketplace.sandbox.runner.SandboxRunner;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.pdx.policy.client.PolicyClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 开放数据: the rows of an open dataset — GENERAL, registered, openness OPEN, as {@code pdx.catalog.open_data}
 * decides — for anyone, signed in or not, without a license: an Arrow IPC stream, one Parquet file or CSV, whole or
 * by declared columns and equality filters. sandbox-runner scans (the delivery path, IDENTIFIER columns never);
 * this streams. Any dataset that is not open answers 404 exactly as an invisible one. Rate limited per client
 * ({@code open_data} in the policy data's rate limits); every download is an audit event, counted by the efficiency
 * figures.
 */
@Path("/api/v1/open/datasets/{id}/data")
@Tag(name = "opendata")
public class OpenDataResource {

    static final String DECISION = "pdx/catalog/open_data";
    static final Set<ResultFormat> FORMATS = Set.of(ResultFormat.ARROW, ResultFormat.PARQUET, ResultFormat.CSV);
    private static final String PARQUET = ".parquet";
    /** Column names, comma-separated (what each must name is the dataset's schema: a 422 otherwise). */
    static final String COLUMNS = "^ *[a-z_][a-z0-9_]{0,62} *(, *[a-z_][a-z0-9_]{0,62} *)*$";
    /** column:value; the value any text without NUL. */
    static final String FILTER = "^[a-z_][a-z0-9_]{0,62}:[^\\u0000]*$";

    private final CatalogPolicy catalog;
    private final PolicyClient policy;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final SandboxRunner runner;
    private final AuditLog audit;

    public OpenDataResource(CatalogPolicy catalog, PolicyClient policy, OperationGuard guard, CurrentSubject currentSubject,
                            SandboxRunner runner, AuditLog audit) {
        this.catalog = catalog;
        this.policy = policy;
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.runner = runner;
        this.audit = audit;
    }

    record Download(Dataset dataset, DeliveryRequest request) {
    }

    /** One {@code filter} as the OpenAPI document shows it. */
    @Schema(name = "OpenDataFilter", type = SchemaType.STRING, pattern = FILTER, maxLength = 64 + OpenDataQuery.MAX_VALUE_LENGTH,
            description = "column:value — rows whose column equals the value")
    static final class FilterText {
        private FilterText() {
        }
    }

    /** No @Produces: the content type is the runner's (Arrow, Parquet or CSV), set on the streamed response. */
    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "downloadOpenData",
            summary = "Download open data / 开放数据下载",
            description = "The rows of an open (开放) general dataset, for anyone and without a license: an Arrow IPC stream "
                    + "(default), one Parquet file or CSV; all declared columns but identifiers, or those named in "
                    + "`columns`, kept by equality `filter`s on selected columns. A dataset that is not open is a 404 as "
                    + "an invisible one; a column the schema does not declare is a 422. Rate limited per client (429).")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "422", description = "Columns or filters the dataset does not offer (each error names its parameter) / 所选字段或筛选条件不是该数据集声明的字段")
    @APIResponse(responseCode = "200", description = "the rows (Content-Disposition names the file)", content = {
            @Content(mediaType = ResultFormat.ARROW_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ResultFormat.PARQUET_FILE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public RestMulti<Buffer> download(@PathParam("id") UUID id,
            @QueryParam("format") @Parameter(description = "arrow (an Arrow IPC stream, the default), parquet (one Parquet file) or csv (RFC 4180, a header row)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"arrow", "parquet", "csv"}, defaultValue = "arrow")) String format,
            @QueryParam("columns") @Parameter(description = "declared columns, comma-separated (default: every column but identifiers)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 300, pattern = COLUMNS)) String columns,
            @QueryParam("filter") @Parameter(description = "column:value, rows whose column equals the value; repeat for several (all hold); the column must be selected",
                    schema = @Schema(type = SchemaType.ARRAY, maxItems = OpenDataQuery.MAX_FILTERS,
                            implementation = FilterText.class)) List<String> filters) {
        Subject subject = currentSubject.get();
        ResultFormat chosen = ResultFormat.of(format).filter(FORMATS::contains)
                .orElseThrow(() -> new InvalidParameter("format", "must be one of arrow, parquet, csv"));
        Uni<Download> admitted = guard.require(subject, Operation.DATASET_OPEN_DATA,
                        new AuthzInput.Resource("dataset", id.toString(), null, null, null))
                .flatMap(allowed -> Panache.withTransaction(() -> open(id, subject)
                        .map(dataset -> new Download(dataset, request(dataset, OpenDataQuery.parse(dataset.schema, columns, filters))))
                        .call(download -> audit.record(subject.user(), AuditAction.OPEN_DATA_DOWNLOAD, "dataset", id, null, null,
                                Map.of("format", chosen.parameter(),
                                        "columns", download.request().dataset().columns().size(),
                                        "filters", download.request().filters().size())))));
        return runner.relayDownload(admitted.flatMap(download -> runner.delivery(download.request(), chosen)
                .map(response -> new SandboxRunner.Download(response,
                        "pdx-open-" + download.request().dataset().alias() + "." + chosen.extension()))));
    }

    /** The dataset if the subject sees it and the policy says it is open; any other case is the same 404. */
    private Uni<Dataset> open(UUID id, Subject subject) {
        return catalog.visibleDataset(id, subject)
                .flatMap(dataset -> policy.evaluate(DECISION, new CatalogInput(subject, new CatalogInput.DatasetRef(
                                dataset.id.toString(), dataset.grade.name(), dataset.provider, dataset.state().name(),
                                dataset.openness == null ? null : dataset.openness.name())), PolicyDecision.class)
                        .map(answer -> answer.result().allow() ? dataset : null))
                .onItem().ifNull().failWith(() -> new DatasetNotFound(id));
    }

    private static DeliveryRequest request(Dataset dataset, OpenDataQuery query) {
        if (dataset.dataFile == null || !dataset.dataFile.endsWith(PARQUET)) {
            throw new NoOpenData(dataset.id);
        }
        String alias = dataset.dataFile.substring(0, dataset.dataFile.length() - PARQUET.length());
        return new DeliveryRequest(new SandboxDataset(alias, dataset.grade, dataset.entityColumn, query.columns(),
                (dataset.lineageId == null ? dataset.id : dataset.lineageId).toString()), null, query.filters());
    }
}
