package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.sandbox.JobProblems;
import io.pdx.marketplace.sandbox.LicensedData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * The license a job is submitted under, read while OPA decides whether the caller may submit at all: either the
 * licensed dataset, as the sandbox reads it, or what prevented reading it (not the caller's license: 404; a dataset
 * without data in the sandbox: 409; a failure to read). Nothing of it is used, or shown, unless the caller is allowed.
 */
sealed interface Preparation {

    /** A licensed dataset with its license, as the sandbox reads it. */
    record Prepared(License license, Dataset dataset, SandboxDataset data) implements Preparation {
    }

    /** What prevented the preparation; the submission fails with it once the caller was allowed. */
    record Refused(Throwable reason) implements Preparation {
    }

    /** The caller's license {@code licenseId} and its dataset, in a session of their own; never a failure. */
    static Uni<Preparation> read(Subject subject, UUID licenseId) {
        return Panache.withSession(() -> License.<License>findById(licenseId)
                        .onItem().ifNull().failWith(() -> new JobProblems.LicenseNotFound(licenseId))
                        .invoke(license -> {
                            if (!license.organization.equals(subject.organization())) {
                                throw new JobProblems.LicenseNotFound(licenseId);
                            }
                        })
                        .flatMap(license -> Dataset.<Dataset>findById(license.datasetId)
                                .map(dataset -> new Prepared(license, dataset, LicensedData.of(license, dataset)))))
                .<Preparation>map(prepared -> prepared)
                .onFailure().recoverWithItem(Refused::new);
    }

    /** The prepared license, or a failure with what prevented it. */
    default Uni<Prepared> orFailure() {
        if (this instanceof Prepared prepared) {
            return Uni.createFrom().item(prepared);
        }
        return Uni.createFrom().failure(((Refused) this).reason());
    }
}
