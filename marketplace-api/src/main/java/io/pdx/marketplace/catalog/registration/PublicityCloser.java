package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.ObjectionStatus;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.catalog.Dataset;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Ends publicity windows: every registration whose window has ended with no objection pending is concluded by the
 * platform, each in its own transaction under its row lock (a reviewer registering it at the same moment finds it
 * registered: a 409). One that still has an objection pending waits for its answer.
 */
@ApplicationScoped
public class PublicityCloser {

    private static final Logger LOG = Logger.getLogger(PublicityCloser.class);

    private final Publicity publicity;
    private final Clock clock;

    public PublicityCloser(Publicity publicity, Clock clock) {
        this.publicity = publicity;
        this.clock = clock;
    }

    @Scheduled(every = "${pdx.registration.conclude-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return concludeDue().replaceWithVoid();
    }

    /** Concludes what is due; the number concluded. Never fails (one that fails is tried again next time). */
    public Uni<Integer> concludeDue() {
        return Panache.withSession(() -> Dataset.<Dataset>find("status = ?1 and publicityEndsAt <= ?2 and not exists"
                                + " (select 1 from RegistrationObjection o where o.datasetId = id and o.status in ?3)"
                                + " order by publicityEndsAt",
                        RegistrationStatus.PUBLICITY, OffsetDateTime.now(clock), ObjectionStatus.pendingStates())
                        .page(0, 50).list())
                .map(due -> due.stream().map(dataset -> dataset.id).toList())
                .flatMap(this::concludeEach);
    }

    private Uni<Integer> concludeEach(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(
                                () -> Dataset.<Dataset>findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(dataset ->
                                        dataset == null || dataset.state() != RegistrationStatus.PUBLICITY
                                                ? Uni.createFrom().item(false)
                                                : publicity.conclude(dataset).replaceWith(true)))
                        .onFailure().invoke(failure -> LOG.warnf("concluding registration %s: %s", id, failure.getMessage()))
                        .onFailure().recoverWithItem(false))
                .collect().asList()
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }
}
