package io.pdx.marketplace.catalog;

import io.pdx.contracts.policy.CatalogInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Asks OPA ({@code data.pdx.catalog.view}) what a subject may see of the catalog. */
@ApplicationScoped
public class CatalogPolicy {

    static final String PATH = "pdx/catalog/view";

    private final PolicyClient policy;

    public CatalogPolicy(PolicyClient policy) {
        this.policy = policy;
    }

    public Uni<CatalogView> viewFor(Subject subject) {
        return policy.evaluate(PATH, new CatalogInput(subject, null), CatalogView.class)
                .map(answer -> answer.result());
    }
}
