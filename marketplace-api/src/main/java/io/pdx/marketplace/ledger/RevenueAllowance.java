package io.pdx.marketplace.ledger;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** An operator's maximum allowed revenue (最高准许收入) for a year: cost, profit and tax as the bureau set them, and why. */
@Entity
@Table(name = "revenue_allowance")
@IdClass(RevenueAllowance.Key.class)
public class RevenueAllowance extends PanacheEntityBase {

    @Id
    public String organization;

    @Id
    public Integer year;

    @Column(name = "cost_fen")
    public long costFen;

    @Column(name = "profit_fen")
    public long profitFen;

    @Column(name = "tax_fen")
    public long taxFen;

    public String basis;

    @Column(name = "set_by")
    public String setBy;

    @Column(name = "set_at")
    public OffsetDateTime setAt;

    public long allowanceFen() {
        return Math.addExact(Math.addExact(costFen, profitFen), taxFen);
    }

    /** The composite key: one allowance per operator and year. */
    public static class Key implements Serializable {
        public String organization;
        public Integer year;

        public Key() {
        }

        public Key(String organization, Integer year) {
            this.organization = organization;
            this.year = year;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(organization, key.organization) && Objects.equals(year, key.year);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organization, year);
        }
    }
}
