package io.pdx.marketplace.sandbox;

import io.pdx.contracts.Grade;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A dataset a clean-room job joins under a further license of its organization (the job's own license and dataset
 * are on the job), with what its admission charged that dataset's privacy budget. Written in the admission's
 * transaction with the job; never changed after.
 */
@Entity
@Table(name = "sandbox_job_join")
@IdClass(JoinedRead.Key.class)
public class JoinedRead extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public UUID jobId;
    @Id
    public int position;
    @Column(name = "license_id")
    public UUID licenseId;
    @Column(name = "dataset_id")
    public UUID datasetId;
    @Enumerated(EnumType.STRING)
    public Grade grade;
    @Column(name = "epsilon_micros")
    public long epsilonMicros;
    @Column(name = "delta_picos")
    public long deltaPicos;

    public JoinedRead() {
    }

    public JoinedRead(UUID jobId, int position, UUID licenseId, UUID datasetId, Grade grade, long epsilonMicros,
                      long deltaPicos) {
        this.jobId = jobId;
        this.position = position;
        this.licenseId = licenseId;
        this.datasetId = datasetId;
        this.grade = grade;
        this.epsilonMicros = epsilonMicros;
        this.deltaPicos = deltaPicos;
    }

    /** The joined reads of a job, in the order the request named their licenses. */
    public static Uni<List<JoinedRead>> of(UUID jobId) {
        return JoinedRead.<JoinedRead>list("jobId = ?1 order by position", jobId);
    }

    /** The joined licenses of each of {@code jobIds} (jobs over one license are absent), in one query. */
    public static Uni<Map<UUID, List<UUID>>> licensesOf(Collection<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return JoinedRead.<JoinedRead>list("jobId in ?1 order by jobId, position", jobIds)
                .map(reads -> reads.stream().collect(Collectors.groupingBy(read -> read.jobId,
                        Collectors.mapping(read -> read.licenseId, Collectors.toList()))));
    }

    /** The composite key: (job, position). */
    public static class Key implements Serializable {
        public UUID jobId;
        public int position;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.position == position && Objects.equals(key.jobId, jobId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, position);
        }
    }
}
