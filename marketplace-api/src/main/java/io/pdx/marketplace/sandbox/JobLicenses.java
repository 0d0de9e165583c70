package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.licensing.License;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every license a job reads under: its own and, in a clean room, the ones whose datasets it joins ({@link JoinedRead}).
 * A result is released, read or downloaded only while all of them are in force.
 */
final class JobLicenses {

    private JobLicenses() {
    }

    /** The first of the job's licenses that is not in force now (gone, not ACTIVE, out of term); null when all are. */
    static Uni<UUID> firstNotInForce(SandboxJob job, Clock clock) {
        return JoinedRead.of(job.id).flatMap(joined -> {
            List<UUID> ids = new ArrayList<>();
            ids.add(job.licenseId);
            joined.forEach(read -> ids.add(read.licenseId));
            return Multi.createFrom().iterable(ids)
                    .onItem().transformToUniAndConcatenate(id -> License.<License>findById(id)
                            .map(license -> license == null || !license.inForce(clock) ? id : null))
                    .filter(java.util.Objects::nonNull)
                    .collect().first();
        });
    }
}
