package io.pdx.marketplace.catalog;

import io.pdx.contracts.catalog.DatasetPage;
import io.pdx.contracts.catalog.DatasetSummary;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.security.CurrentSubject;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
public class DatasetResource {

    private final CatalogPolicy policy;
    private final CatalogSearch search;
    private final CurrentSubject currentSubject;

    public DatasetResource(CatalogPolicy policy, CatalogSearch search, CurrentSubject currentSubject) {
        this.policy = policy;
        this.search = search;
        this.currentSubject = currentSubject;
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
    public Uni<byte[]> list(@QueryParam("q") String q,
                                 @QueryParam("category") String category,
                                 @QueryParam("grade") String grade,
                                 @QueryParam("provider") String provider,
                                 @QueryParam("openness") String openness,
                                 @QueryParam("status") String status,
                                 @QueryParam("sort") String sort,
                                 @QueryParam("page") @DefaultValue("0") int page,
                                 @QueryParam("size") @DefaultValue("20") int size) {
        CatalogQuery query = CatalogQuery.parse(q, category, grade, provider, openness, status, sort, page, size);
        Subject subject = currentSubject.get();
        return policy.viewFor(subject).flatMap(view -> search.search(query, view, subject)).map(RenderedPage::json);
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<DatasetSummary> get(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return policy.visibleDataset(id, subject).map(Dataset::toSummary);
    }
}
