package io.pdx.marketplace.sandbox.tables;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** An own table a job read: what deleting the table must delete the result of. Written with the job's admission. */
@Entity
@Table(name = "sandbox_job_table")
@IdClass(JobTable.Key.class)
public class JobTable extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public UUID jobId;
    @Id
    @Column(name = "table_id")
    public UUID tableId;

    public JobTable() {
    }

    public JobTable(UUID jobId, UUID tableId) {
        this.jobId = jobId;
        this.tableId = tableId;
    }

    /** The composite key: (job, table). */
    public static class Key implements Serializable {
        public UUID jobId;
        public UUID tableId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.jobId, jobId) && Objects.equals(key.tableId, tableId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, tableId);
        }
    }
}
