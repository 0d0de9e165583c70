package io.pdx.marketplace.catalog;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.DatasetSchema;
import io.pdx.contracts.catalog.DatasetSummary;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A catalog entry (目录): a dataset a department holds, with its grade and tagged schema. */
@Entity
@Table(name = "dataset")
public class Dataset extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    public String description = "";

    public String category;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    public String provider;

    @Column(name = "provider_name")
    public String providerName;

    @Column(name = "row_count")
    public long rowCount;

    @Column(name = "data_file")
    public String dataFile;

    @Column(name = "entity_column")
    public String entityColumn;

    @JdbcTypeCode(SqlTypes.JSON)
    public DatasetSchema schema = new DatasetSchema(List.of());

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    @PrePersist
    void onCreate() {
        if (id == null) {
            id = UUID.randomUUID();
        }
        createdAt = OffsetDateTime.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = OffsetDateTime.now();
    }

    public DatasetSummary toSummary() {
        return new DatasetSummary(id, nameZh, nameEn, description, category, grade, provider, providerName,
                rowCount, schema.columns());
    }
}
