package io.pdx.marketplace.lifecycle;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What follows a transition waits for the real commit of the transaction that applied it, whoever opened that
 * transaction, and never follows a rolled-back one — against the real PostgreSQL and Hibernate Reactive.
 */
@Tag("stack") // needs the real stack: ./pdx test starts it; the fast tier leaves it out
@QuarkusTest
class UnitOfWorkTest {

    @Inject
    UnitOfWork unitOfWork;

    @Test
    void aNestedTransaction_waitsForTheOutermostCommit() throws Throwable {
        List<String> events = new ArrayList<>();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.withTransaction(
                        () -> unitOfWork.afterCommit(() -> events.add("after commit")))
                .invoke(() -> events.add("inner transaction returned"))
                .call(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("select 1").getSingleResult()))
                .invoke(() -> events.add("outer transaction still working")))
                .invoke(() -> events.add("outer committed")));
        assertEquals(List.of("inner transaction returned", "outer transaction still working", "after commit", "outer committed"),
                events);
    }

    @Test
    void aRolledBackTransaction_isNeverFollowed_notEvenByTheSessionsNextCommit() throws Throwable {
        List<String> events = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> Panache.withTransaction(() -> unitOfWork.afterCommit(() -> events.add("after the failed one"))
                                .invoke(() -> {
                                    throw new IllegalStateException("the transition failed");
                                }))
                        .onFailure().recoverWithUni(failure -> Panache.withTransaction(
                                        () -> unitOfWork.afterCommit(() -> events.add("after the next one")))
                                .replaceWith(Uni.createFrom().failure(failure))))));
        assertEquals(List.of("after the next one"), events);
    }

    @Test
    void withoutATransaction_nothingIsRegistered() {
        assertThrows(IllegalStateException.class, () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> unitOfWork.afterCommit(() -> { }))));
    }
}
