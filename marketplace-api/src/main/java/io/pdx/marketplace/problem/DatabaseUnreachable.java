package io.pdx.marketplace.problem;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure came from losing PostgreSQL (restarted, failed over, shutting down): a 503 the caller may retry,
 * not an internal error. Looks through causes and suppressed exceptions (Mutiny's CompositeException carries the
 * connection's failure as a suppressed one), for a refused or reset connection, a connection closed under a query,
 * and the server's own SQLSTATE classes 08 (connection exception) and 57 (operator intervention: admin shutdown,
 * cannot connect now).
 */
public final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty()) {
            Throwable current = next.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof ClosedConnectionException || current instanceof ConnectException
                    || current instanceof SocketException) {
                return true;
            }
            if (current instanceof NoStackTraceThrowable && current.getMessage() != null
                    && current.getMessage().startsWith("Connection is not active now")) {
                return true; // the Vert.x client's answer on a connection PostgreSQL closed
            }
            if (current instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57"))) {
                return true;
            }
            if (current.getCause() != null) {
                next.add(current.getCause());
            }
            Collections.addAll(next, current.getSuppressed());
        }
        return false;
    }
}
