package io.pdx.marketplace.dcat;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.pdx.marketplace.security.Operation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.Category;
import io.pdx.marketplace.product.GradeRules;
import io.pdx.marketplace.product.Product;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/**
 * A catalog entry as DCAT-AP 3 JSON-LD, for harvesting by other catalogs. Visible exactly when
 * {@code GET /api/v1/datasets/{id}} is: otherwise 404, so that existence does not leak.
 */
@Path("/api/v1/datasets/{id}/dcat")
@Tag(name = "catalog")
public class DcatResource {

    static final String JSON_LD = "application/ld+json";

    private final CatalogPolicy catalog;
    private final OperationGuard guard;
    private final GradeRules gradeRules;
    private final CurrentSubject currentSubject;

    public DcatResource(CatalogPolicy catalog, OperationGuard guard, GradeRules gradeRules,
                        CurrentSubject currentSubject) {
        this.catalog = catalog;
        this.guard = guard;
        this.gradeRules = gradeRules;
        this.currentSubject = currentSubject;
    }

    @GET
    @Produces(JSON_LD)
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getDatasetDcat", summary = "A dataset as DCAT-AP JSON-LD / DCAT 元数据", description = "The dataset described with DCAT (dcat:Dataset) as JSON-LD, for harvesters.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = "DCAT JSON-LD", content = @Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT, description = "a JSON-LD document with @context, @id and @type dcat:Dataset")))
    public Uni<ObjectNode> dcat(@PathParam("id") UUID id, @Context UriInfo uri) {
        Subject subject = currentSubject.get();
        return catalog.visibleDataset(id, subject)
                .call(dataset -> guard.require(subject, Operation.DATASET_DCAT,
                        new AuthzInput.Resource("dataset", id.toString(), null, dataset.provider, null)))
                .flatMap(dataset -> Category.<Category>findById(dataset.category)
                        .flatMap(category -> Product.<Product>list("datasetId = ?1 and status = ?2", Sort.by("createdAt").and("id"), id,
                                        io.pdx.contracts.product.ProductStatus.LISTED) // a withdrawn product is offered no more
                                .flatMap(products -> gradeRules.of(dataset.grade)
                                        .map(grade -> DcatDocument.of(dataset, category, grade, products,
                                                uri.getBaseUri())))));
    }
}
