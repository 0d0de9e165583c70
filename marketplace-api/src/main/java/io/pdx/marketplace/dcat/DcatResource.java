package io.pdx.marketplace.dcat;

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
    public Uni<ObjectNode> dcat(@PathParam("id") UUID id, @Context UriInfo uri) {
        Subject subject = currentSubject.get();
        return catalog.visibleDataset(id, subject)
                .call(dataset -> guard.require(subject, Operation.DATASET_DCAT,
                        new AuthzInput.Resource("dataset", id.toString(), null, dataset.provider, null)))
                .flatMap(dataset -> Category.<Category>findById(dataset.category)
                        .flatMap(category -> Product.<Product>list("datasetId", Sort.by("createdAt").and("id"), id)
                                .flatMap(products -> gradeRules.of(dataset.grade)
                                        .map(grade -> DcatDocument.of(dataset, category, grade, products,
                                                uri.getBaseUri())))));
    }
}
