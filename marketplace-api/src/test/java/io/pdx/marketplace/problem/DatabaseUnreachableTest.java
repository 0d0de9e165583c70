package io.pdx.marketplace.problem;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import java.net.SocketException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUnreachableTest {

    @Test
    void aLostConnection_isFound_asCauseOrAsSuppressed() {
        SocketException reset = new SocketException("Connection reset");
        // as Hibernate Reactive and Mutiny hand it over when PostgreSQL restarts under a transaction
        assertTrue(DatabaseUnreachable.causedBy(new CompositeException(new HibernateException(reset), reset)));
        assertTrue(DatabaseUnreachable.causedBy(new HibernateException(ClosedConnectionException.INSTANCE)));
        assertTrue(DatabaseUnreachable.causedBy(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null)));
        assertTrue(DatabaseUnreachable.causedBy(new PgException("the database system is starting up", "FATAL", "57P03", null)));
        NoStackTraceThrowable closed = new NoStackTraceThrowable("Connection is not active now, current status: CLOSED");
        assertTrue(DatabaseUnreachable.causedBy(new CompositeException(new HibernateException(closed), closed)));
    }

    @Test
    void otherFailures_areNot() {
        assertFalse(DatabaseUnreachable.causedBy(new IllegalStateException("a bug")));
        assertFalse(DatabaseUnreachable.causedBy(new PgException("duplicate key", "ERROR", "23505", null)));
        IllegalStateException inner = new IllegalStateException("inner");
        IllegalStateException outer = new IllegalStateException("outer", inner);
        inner.addSuppressed(outer); // a cycle ends the walk
        assertFalse(DatabaseUnreachable.causedBy(outer));
    }
}
