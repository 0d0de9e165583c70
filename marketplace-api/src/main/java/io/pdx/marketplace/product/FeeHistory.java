package io.pdx.marketplace.product;

import io.pdx.contracts.product.FeeNotice;
import io.pdx.contracts.product.FeePeriod;
import io.pdx.contracts.product.ProductView;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A product's fee notice (收费公示) from its listing and its price changes: the listing price from the listing until the
 * first change, each change's price until the next, the last until the product was withdrawn (or open while listed).
 */
final class FeeHistory {

    /** The basis shown for the price a product was listed at, which carries none of its own. */
    static final String LISTING_BASIS = "上架定价 / the price at listing";

    private FeeHistory() {
    }

    static FeeNotice notice(ProductView product, List<ProductPriceChange> changes) {
        List<ProductPriceChange> ordered = changes.stream()
                .sorted(java.util.Comparator.comparing((ProductPriceChange c) -> c.effectiveFrom).thenComparing(c -> c.id))
                .toList();
        List<FeePeriod> history = new ArrayList<>();
        long price = ordered.isEmpty() ? product.priceRule().unitPriceFen() : ordered.get(0).previousUnitPriceFen;
        String basis = LISTING_BASIS;
        OffsetDateTime from = product.createdAt();
        for (ProductPriceChange change : ordered) {
            history.add(new FeePeriod(price, product.priceRule().capFen(), basis, from, change.effectiveFrom));
            price = change.unitPriceFen;
            basis = change.basis;
            from = change.effectiveFrom;
        }
        history.add(new FeePeriod(price, product.priceRule().capFen(), basis, from, product.withdrawnAt()));
        return new FeeNotice(product.id(), product.nameZh(), product.nameEn(), product.provider(), product.status(),
                product.priceRule(), basis, product.createdAt(), product.withdrawnAt(), List.copyOf(history));
    }
}
