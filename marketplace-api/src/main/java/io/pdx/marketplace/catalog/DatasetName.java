package io.pdx.marketplace.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A dataset name belongs to one lineage per provider: the table that makes names unique. */
@Entity
@Table(name = "dataset_name")
public class DatasetName extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "lineage_id")
    public UUID lineageId;

    @Embeddable
    public record Key(String provider, @Column(name = "name_zh") String nameZh) implements Serializable {
    }

    public static DatasetName of(String provider, String nameZh, UUID lineageId) {
        DatasetName name = new DatasetName();
        name.key = new Key(provider, nameZh);
        name.lineageId = lineageId;
        return name;
    }
}
