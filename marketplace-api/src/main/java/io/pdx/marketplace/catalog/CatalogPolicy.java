package io.pdx.marketplace.catalog;

import io.pdx.contracts.policy.CatalogInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

import java.util.UUID;

/**
 * Asks OPA ({@code data.pdx.catalog.view}) what a subject may see of the catalog. The view
 * depends on who the subject is — signed in or not, roles, organization, department — never on
 * the person, so OPA is asked without the user name and its answer is kept for a few seconds
 * per such subject ({@code pdx.catalog.view-cache-ttl}, 0 asks on every request): a catalog
 * read then costs no policy round trip, and a policy change reaches searches within that time.
 * An OPA that cannot answer is never cached over: the request fails closed (503).
 */
@ApplicationScoped
public class CatalogPolicy {

    static final String PATH = "pdx/catalog/view";
    static final int MAX_SUBJECTS = 1_000;

    private final PolicyClient policy;
    private final ExpiringMap<Subject, CatalogView> views;

    public CatalogPolicy(PolicyClient policy,
                         @ConfigProperty(name = "pdx.catalog.view-cache-ttl", defaultValue = "PT5S") Duration ttl) {
        this.policy = policy;
        this.views = new ExpiringMap<>(ttl, MAX_SUBJECTS);
    }

    /**
     * The dataset {@code id} if {@code subject} may see it; otherwise — missing or not visible
     * alike — a 404, so that its existence does not leak. Needs a session.
     */
    public Uni<Dataset> visibleDataset(UUID id, Subject subject) {
        return viewFor(subject).flatMap(view -> Dataset.<Dataset>findById(id)
                .map(dataset -> dataset != null && view.shows(dataset, subject) ? dataset : null)
                .onItem().ifNull().failWith(() -> new DatasetNotFound(id)));
    }

    public Uni<CatalogView> viewFor(Subject subject) {
        Subject withoutPerson = new Subject(subject.authenticated(), null, subject.roles(), subject.organization(),
                subject.department());
        return views.get(withoutPerson, () -> policy.evaluate(PATH, new CatalogInput(withoutPerson, null), CatalogView.class)
                .map(answer -> answer.result()));
    }
}
