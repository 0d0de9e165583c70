package io.pdx.marketplace.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import java.time.OffsetDateTime;

/**
 * An entity that records when it was created and last changed ({@code created_at}, {@code updated_at}).
 * <p>
 * These two stamps read the system clock, not the injected {@link java.time.Clock}: a JPA callback cannot be injected,
 * and a static holder of the clock would be a global that one test could leave moved for the next. They are
 * bookkeeping (listing order, DCAT's modified date, the ages the efficiency figures report), decide no state change,
 * and are the one exception to the rule that wall time is read from the Clock ({@code ArchitectureTest}). A moment that decides something is set from the Clock by
 * its owner: a transition's stamp by the kernel, a creation moment that decides (a job's budget period) by the entity
 * itself before it is persisted, which this callback then keeps.
 */
@MappedSuperclass
public abstract class TimestampedEntity extends PanacheEntityBase {

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @PrePersist
    void stampCreation() {
        if (createdAt == null) { // an entity whose creation moment decides something (a job's budget period) sets it itself
            createdAt = OffsetDateTime.now();
        }
        updatedAt = OffsetDateTime.now();
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = OffsetDateTime.now();
    }
}
