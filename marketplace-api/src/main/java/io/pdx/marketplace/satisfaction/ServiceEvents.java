package io.pdx.marketplace.satisfaction;

import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.satisfaction.ServiceEventKind;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.sandbox.SandboxJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Finds the service event a rating or complaint is about and holds it to {@link Rateability}: 404 when there is none
 * or the caller was not the person served, 409 {@code event-not-rateable} while it is not decided.
 */
@ApplicationScoped
public class ServiceEvents {

    Uni<ServiceEvent> rateable(ServiceEventKind kind, UUID id, Subject subject) {
        return switch (kind) {
            case LICENSE_DECISION -> License.<License>findById(id).map(license -> held(Rateability.of(license, subject), kind, id,
                    () -> new ServiceEvent(kind, id, license.organization, null)));
            case RESULT_RELEASE -> SandboxJob.<SandboxJob>findById(id).map(job -> held(Rateability.of(job, subject), kind, id,
                    () -> new ServiceEvent(kind, id, job.organization, null)));
            case REGISTRATION -> Dataset.<Dataset>findById(id).map(dataset -> held(Rateability.of(dataset, subject), kind, id,
                    () -> new ServiceEvent(kind, id, null, dataset.provider)));
        };
    }

    private static ServiceEvent held(Rateability rateability, ServiceEventKind kind, UUID id,
                                     java.util.function.Supplier<ServiceEvent> event) {
        return switch (rateability) {
            case HIDDEN -> throw new SatisfactionProblems.EventNotFound(kind, id);
            case UNDECIDED -> throw new SatisfactionProblems.EventNotRateable(kind);
            case RATEABLE -> event.get();
        };
    }
}
