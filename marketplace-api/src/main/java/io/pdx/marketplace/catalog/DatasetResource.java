package io.pdx.marketplace.catalog;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.pdx.contracts.catalog.DatasetPage;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.Openness;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.catalog.DatasetSummary;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.security.CurrentSubject;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/**
 * The catalog as a caller may see it. OPA decides what a subject may see; the database filters
 * by it, so nothing the caller may not see is ever read into a page or counted in a facet.
 */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class DatasetResource {

    private final CatalogPolicy policy;
    private final CatalogSearch search;
    private final CurrentSubject currentSubject;
    private final io.pdx.marketplace.security.OperationGuard guard;

    public DatasetResource(CatalogPolicy policy, CatalogSearch search, CurrentSubject currentSubject,
                           io.pdx.marketplace.security.OperationGuard guard) {
        this.policy = policy;
        this.search = search;
        this.currentSubject = currentSubject;
        this.guard = guard;
    }

    /**
     * Search: {@code q} (keywords in Chinese or English, all must match), filters {@code category}
     * (a first-level code matches its sub-categories), {@code grade}, {@code provider},
     * {@code openness}, {@code status}; {@code sort} (name, nameEn, updatedAt, rowCount, grade;
     * '-' for descending); {@code page} from 0 and {@code size} up to 200; facet counts.
     */
    @GET
    @APIResponse(responseCode = "200", description = "a page of datasets with facet counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DatasetPage.class)))
    @Operation(operationId = "searchDatasets", summary = "Search the catalog / 检索数据目录", description = "Keywords in Chinese or English, filters, sort and page; facet counts count only what the caller may see. Anonymous callers see the public catalog.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    public Uni<byte[]> list(@QueryParam("q") @Parameter(description = "keywords in Chinese or English, all must match", schema = @Schema(type = SchemaType.STRING, maxLength = 100)) String q,
                                 @QueryParam("category") String category,
                                 @QueryParam("grade") @Parameter(schema = @Schema(implementation = Grade.class)) String grade,
                                 @QueryParam("provider") String provider,
                                 @QueryParam("openness") @Parameter(schema = @Schema(implementation = Openness.class)) String openness,
                                 @QueryParam("status") @Parameter(schema = @Schema(implementation = RegistrationStatus.class)) String status,
                                 @QueryParam("sort") @Parameter(description = "a field, with - before it for descending order", schema = @Schema(type = SchemaType.STRING, enumeration = {"name", "-name", "nameEn", "-nameEn", "updatedAt", "-updatedAt", "rowCount", "-rowCount", "grade", "-grade"}, defaultValue = "name")) String sort,
                                 @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
                                 @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) String size) {
        CatalogQuery query = CatalogQuery.parse(q, category, grade, provider, openness, status, sort, page, size);
        Subject subject = currentSubject.get();
        return standing(subject, io.pdx.marketplace.security.Operation.DATASET_LIST)
                .flatMap(ignored -> policy.viewFor(subject)).flatMap(view -> search.search(query, view, subject)).map(RenderedPage::json);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(operationId = "getDataset", summary = "Read a dataset / 查看数据集", description = "A dataset the caller may see; any other answers 404.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    public Uni<DatasetSummary> get(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return standing(subject, io.pdx.marketplace.security.Operation.DATASET_READ)
                .flatMap(ignored -> policy.visibleDataset(id, subject)).map(Dataset::toSummary);
    }

    /**
     * The catalog's view is asked of OPA without the person (and cached), so a caller acting for an organization is
     * first asked through the operation guard, which refuses the members of a suspended organization; the public's
     * and the bureau's catalog reads cost no extra round trip.
     */
    private Uni<?> standing(Subject subject, io.pdx.marketplace.security.Operation operation) {
        return subject.organization() == null ? Uni.createFrom().voidItem()
                : guard.require(subject, operation, new io.pdx.contracts.policy.AuthzInput.Resource("dataset", null, null, null, null));
    }
}
