package io.pdx.marketplace.product;

import io.pdx.contracts.product.FeeNotice;
import io.pdx.contracts.product.PriceKind;
import io.pdx.contracts.product.ProductStatus;
import io.pdx.contracts.product.ProductView;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.catalog.Dataset;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Price changes of listed products (调价) and the fee notices (收费公示) they make: a new unit price takes effect when it is
 * recorded, never above the product's cap (政府指导价上限), and joins the product's price history with its basis.
 */
@ApplicationScoped
public class ProductPricing {

    private final AuditLog audit;
    private final Clock clock;

    public ProductPricing(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets the product's unit price: 404 none, 409 not LISTED or FREE, 422 above the cap (naming it) or 0. */
    Uni<ProductView> reprice(UUID productId, long unitPriceFen, String basis, String actor) {
        return Panache.withTransaction(() -> Product.<Product>findById(productId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new ProductNotFound(productId))
                .flatMap(product -> {
                    refuseUnpriceable(product, unitPriceFen);
                    ProductPriceChange change = ProductPriceChange.of(product, unitPriceFen, basis, actor, OffsetDateTime.now(clock));
                    product.unitPriceFen = unitPriceFen;
                    return change.<ProductPriceChange>persist()
                            .call(() -> audit.record(actor, AuditAction.PRODUCT_REPRICE, "product", product.id, null, null,
                                    Map.of("previousUnitPriceFen", change.previousUnitPriceFen, "unitPriceFen", unitPriceFen,
                                            "capFen", product.capFen, "basis", basis)))
                            .flatMap(persisted -> Dataset.<Dataset>findById(product.datasetId))
                            .map(dataset -> product.toView(dataset.grade, dataset.provider));
                }));
    }

    private static void refuseUnpriceable(Product product, long unitPriceFen) {
        if (product.state() != ProductStatus.LISTED) {
            throw ProductConflict.notListed(product.state());
        }
        if (product.priceKind == PriceKind.FREE) {
            throw ProductConflict.free();
        }
        if (unitPriceFen > product.capFen) {
            throw new InvalidProduct(new io.pdx.marketplace.problem.FieldCheck().rule("unitPriceFen",
                    "exceeds the cap of " + product.capFen + " fen (政府指导价上限 " + Yuan.of(product.capFen) + ")"));
        }
        if (unitPriceFen == 0) {
            throw new InvalidProduct(new io.pdx.marketplace.problem.FieldCheck().rule("unitPriceFen",
                    "a priced product costs at least 1 fen; FREE is a listing of its own"));
        }
    }

    /** The fee notices of these products (already filtered to what the caller may see), in their order. */
    static Uni<List<FeeNotice>> notices(List<ProductView> products) {
        if (products.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = products.stream().map(ProductView::id).toList();
        return ProductPriceChange.<ProductPriceChange>list("productId in ?1", ids).map(changes -> {
            Map<UUID, List<ProductPriceChange>> byProduct = changes.stream()
                    .collect(Collectors.groupingBy(change -> change.productId));
            return products.stream().map(product -> FeeHistory.notice(product, byProduct.getOrDefault(product.id(), List.of())))
                    .toList();
        });
    }
}
