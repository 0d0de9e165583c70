package io.pdx.marketplace.licensing;

import io.pdx.contracts.licensing.LicenseState;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Expires licenses at the end of their term: an ACTIVE or SUSPENDED license whose last day
 * (in the bureau's time zone) has passed becomes EXPIRED through the transition table. Runs on a
 * schedule ({@code pdx.licensing.expiry-every}); each run is one transaction.
 */
@ApplicationScoped
public class LicenseExpiry {

    static final String ACTOR = "pdx-scheduler";

    private final TransitionKernel transitions;
    private final Clock clock;

    public LicenseExpiry(TransitionKernel transitions, Clock clock) {
        this.transitions = transitions;
        this.clock = clock;
    }

    private static final Logger LOG = Logger.getLogger(LicenseExpiry.class);
    /** The bureau's calendar: a term ends at the end of its last day in China Standard Time. */
    public static final ZoneId BUREAU_ZONE = io.pdx.marketplace.time.BureauTime.ZONE;

    @Scheduled(every = "${pdx.licensing.expiry-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return expireDue().invoke(count -> {
            if (count > 0) {
                LOG.infof("%d license(s) expired at the end of their term", count);
            }
        }).replaceWithVoid();
    }

    /** Expires every license whose term has ended; returns how many. */
    public Uni<Integer> expireDue() {
        LocalDate today = LocalDate.now(clock.withZone(BUREAU_ZONE));
        return Panache.withTransaction(() -> License.<License>list("state in ?1 and termEnd < ?2",
                        List.of(LicenseState.ACTIVE, LicenseState.SUSPENDED), today)
                .call(due -> io.smallrye.mutiny.Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(license -> transitions.runAsPlatform(LicenseTransition.EXPIRE,
                                ACTOR, null, license, Change.none()))
                        .collect().asList())
                .map(List::size));
    }
}
