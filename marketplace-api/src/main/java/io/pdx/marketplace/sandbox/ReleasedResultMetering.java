package io.pdx.marketplace.sandbox;

import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.lifecycle.TransitionHook;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A result a reviewer released is metered in the release's transaction (now if its outcome is already visible to
 * the requester, else when it becomes so: {@link JobMetering}) — for the asked job and every job that shares its result.
 */
@ApplicationScoped
public class ReleasedResultMetering implements TransitionHook {

    private final JobMetering metering;

    public ReleasedResultMetering(JobMetering metering) {
        this.metering = metering;
    }

    @Override
    public boolean follows(Transition<?> transition) {
        return transition == JobTransition.RELEASE;
    }

    @Override
    public Uni<Void> run(StatefulEntity<?> aggregate, Transition<?> transition) {
        return metering.meterReleased((SandboxJob) aggregate);
    }
}
