package io.pdx.marketplace.sandbox.tables;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Which jobs read which own tables: recorded at admission, read when a table is deleted (its derived results go too). */
public final class JobTables {

    private JobTables() {
    }

    /** In the admission's transaction: job {@code job} reads {@code tables}. */
    public static Uni<Void> record(UUID job, Collection<UUID> tables) {
        if (tables.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return JobTable.persist(tables.stream().map(table -> new JobTable(job, table)).toList());
    }

    /** The jobs that read table {@code table}. */
    public static Uni<List<UUID>> jobsReading(UUID table) {
        return JobTable.<JobTable>list("tableId", table).map(rows -> rows.stream().map(row -> row.jobId).toList());
    }

    /** The tables each of {@code jobs} read (jobs that read none are absent), in one query. */
    public static Uni<Map<UUID, List<UUID>>> tablesOf(Collection<UUID> jobs) {
        if (jobs.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return JobTable.<JobTable>list("jobId in ?1 order by jobId, tableId", jobs).map(rows -> rows.stream()
                .collect(Collectors.groupingBy(row -> row.jobId, Collectors.mapping(row -> row.tableId, Collectors.toList()))));
    }

    /** In the caller's transaction: the results of {@code jobs} are gone (deleted with the table they were derived from). */
    public static Uni<Void> expireResults(List<UUID> jobs, OffsetDateTime now) {
        if (jobs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session
                        .createMutationQuery("update SandboxJob set expiresAt = :now where id in :jobs")
                        .setParameter("now", now).setParameter("jobs", jobs).executeUpdate())
                .replaceWithVoid();
    }
}
