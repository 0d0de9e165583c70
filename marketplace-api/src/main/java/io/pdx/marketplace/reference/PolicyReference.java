package io.pdx.marketplace.reference;

import io.pdx.contracts.reference.ReferenceData;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The reference lists the policies decide on ({@code data.pdx.reference.document}): purpose categories, license
 * modes, grades, the review SLA. Asked of OPA each time, so a new policy bundle changes them at once; OPA
 * unreachable fails closed like any policy call.
 */
@ApplicationScoped
public class PolicyReference {

    static final String DOCUMENT = "pdx/reference/document";

    private final PolicyClient policy;

    public PolicyReference(PolicyClient policy) {
        this.policy = policy;
    }

    /** The policy's part of the reference data (no taxonomy). */
    public Uni<ReferenceData> get() {
        return policy.evaluate(DOCUMENT, java.util.Map.of(), ReferenceData.class).map(answer -> answer.result());
    }

    /** The purpose category codes an application may name. */
    public Uni<List<String>> purposeCodes() {
        return get().map(reference -> reference.purposes().stream().map(ReferenceData.Purpose::code).toList());
    }
}
