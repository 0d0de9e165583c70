package io.pdx.marketplace.product;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One change of a listed product's unit price (调价), within its cap, with its basis: the history its fee notice
 * (收费公示) shows. Appended, never changed (a trigger refuses updates and deletes).
 */
@Entity
@Table(name = "product_price_change")
public class ProductPriceChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "previous_unit_price_fen")
    public long previousUnitPriceFen;

    @Column(name = "unit_price_fen")
    public long unitPriceFen;

    @Column(name = "cap_fen")
    public long capFen;

    public String basis;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "effective_from")
    public OffsetDateTime effectiveFrom;

    static ProductPriceChange of(Product product, long newPriceFen, String basis, String by, OffsetDateTime at) {
        ProductPriceChange change = new ProductPriceChange();
        change.id = UUID.randomUUID();
        change.productId = product.id;
        change.previousUnitPriceFen = product.unitPriceFen;
        change.unitPriceFen = newPriceFen;
        change.capFen = product.capFen;
        change.basis = basis;
        change.changedBy = by;
        change.effectiveFrom = at;
        return change;
    }
}
