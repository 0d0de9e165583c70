package io.pdx.marketplace.reference;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.reference.ReferenceData;
import io.pdx.marketplace.catalog.Category;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What forms and clients choose from: purposes, license modes, grades and the catalog's taxonomy, in Chinese and English. */
@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reference")
public class ReferenceResource {

    private final PolicyReference reference;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;

    public ReferenceResource(PolicyReference reference, OperationGuard guard, CurrentSubject currentSubject) {
        this.reference = reference;
        this.guard = guard;
        this.currentSubject = currentSubject;
    }

    @GET
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getReferenceData", summary = "Reference data / 参考数据", description = "Purpose categories (free or paid, 秒批-eligible), license modes, grades and what each allows, the taxonomy, the review SLA; in Chinese and English.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    public Uni<ReferenceData> get() {
        return guard.require(currentSubject.get(), Operation.REFERENCE_READ, new AuthzInput.Resource("reference", null, null, null, null))
                .flatMap(allowed -> reference.get())
                .flatMap(fromPolicy -> Category.<Category>listAll(Sort.by("code"))
                        .map(categories -> fromPolicy.withTaxonomy(categories.stream().map(ReferenceResource::category).toList())));
    }

    private static ReferenceData.Category category(Category category) {
        int slash = category.code.indexOf('/');
        return new ReferenceData.Category(category.code, category.nameZh, category.nameEn,
                slash < 0 ? null : category.code.substring(0, slash));
    }
}
