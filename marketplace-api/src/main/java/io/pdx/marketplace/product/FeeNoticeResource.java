package io.pdx.marketplace.product;

import io.pdx.contracts.Page;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.product.FeeNotice;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.paging.PageRequest;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * 收费公示: the fee notice of every product the caller may see — the public's view without signing in — with its price
 * in force, cap, basis, listing and withdrawal dates and every price it had before.
 */
@Path("/api/v1/fee-notices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "products")
public class FeeNoticeResource {

    private final CatalogPolicy catalog;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;

    public FeeNoticeResource(CatalogPolicy catalog, OperationGuard guard, CurrentSubject currentSubject) {
        this.catalog = catalog;
        this.guard = guard;
        this.currentSubject = currentSubject;
    }

    @GET
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listFeeNotices", summary = "Fee notices / 收费公示",
            description = "Every product the caller may see (anyone, signed in or not), newest listing first, with its price in force, cap, basis and price history.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    public Uni<Page<FeeNotice>> list(@QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
                                     @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) String size) {
        PageRequest paging = PageRequest.of(page, size, 20, ProductResource.MAX_PAGE_SIZE);
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.FEES_READ, new AuthzInput.Resource("product", null, null, null, null))
                .flatMap(allowed -> catalog.viewFor(subject))
                .flatMap(view -> VisibleProducts.page(view, subject, null, paging.page(), paging.size()))
                .flatMap(products -> ProductPricing.notices(products.items())
                        .map(notices -> new Page<>(notices, products.total(), products.page(), products.size())));
    }

    @GET
    @Path("/{productId}")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getFeeNotice", summary = "A product's fee notice / 数据产品收费公示",
            description = "The product's price in force, cap, basis and every price it had, oldest first; 404 for a product the caller may not see.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    public Uni<FeeNotice> one(@PathParam("productId") UUID productId) {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.FEES_READ, new AuthzInput.Resource("product", productId.toString(), null, null, null))
                .flatMap(allowed -> catalog.viewFor(subject))
                .flatMap(view -> VisibleProducts.one(view, subject, productId))
                .onItem().ifNull().failWith(() -> new ProductNotFound(productId))
                .flatMap(product -> ProductPricing.notices(List.of(product)).map(notices -> notices.get(0)));
    }
}
