package io.pdx.marketplace.catalog;

import io.pdx.contracts.policy.CatalogInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Asks OPA ({@code data.pdx.catalog.view}) what a subject may see of the catalog. */
@ApplicationScoped
public class CatalogPolicy {

    static final String PATH = "pdx/catalog/view";

    private final PolicyClient policy;

    public CatalogPolicy(PolicyClient policy) {
        this.policy = policy;
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
        return policy.evaluate(PATH, new CatalogInput(subject, null), CatalogView.class)
                .map(answer -> answer.result());
    }
}
