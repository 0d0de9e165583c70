package io.pdx.marketplace.security;

import io.pdx.contracts.policy.Subject;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The standing of the subject's organization with the bureau, read from PostgreSQL at the moment it is asked for:
 * a suspension takes effect on the next request of every member and service account, and a reinstatement too.
 * Read on its own pooled connection, outside any Hibernate session (the guard runs inside some and beside others).
 */
@ApplicationScoped
public class OrganizationStanding {

    /** A subject whose {@code org_id} names no registered organization. */
    public static final String UNREGISTERED = "UNREGISTERED";

    static final String STATUS = "SELECT status FROM organization WHERE uscc = $1";

    private final Pool pool;

    public OrganizationStanding(Pool pool) {
        this.pool = pool;
    }

    /** {@code subject} with its organization's status; unchanged when it acts for no organization. */
    public Uni<Subject> of(Subject subject) {
        if (subject.organization() == null || subject.organization_status() != null) {
            return Uni.createFrom().item(subject);
        }
        return pool.preparedQuery(STATUS).execute(Tuple.of(subject.organization())).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            return subject.withOrganizationStatus(found.hasNext() ? found.next().getString("status") : UNREGISTERED);
        });
    }
}
