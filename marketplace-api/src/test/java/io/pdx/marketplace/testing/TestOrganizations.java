package io.pdx.marketplace.testing;

import io.pdx.contracts.organization.OrganizationStatus;
import io.pdx.marketplace.organization.Organization;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Organizations a test needs, written through the real PostgreSQL. */
public final class TestOrganizations {

    private TestOrganizations() {
    }

    /** Makes sure organization {@code uscc} exists and is VERIFIED (idempotent across test classes). */
    public static void verified(String uscc, String name) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    Organization.<Organization>findById(uscc).flatMap(existing -> {
                        Organization organization = existing != null ? existing : new Organization();
                        if (existing == null) {
                            organization.uscc = uscc;
                            organization.name = name;
                            organization.legalRepresentative = "王伟";
                            organization.contactName = "李静";
                            organization.contactPhone = "010-12345678";
                            organization.contactEmail = "ops@example.cn";
                            organization.registeredBy = "test";
                        }
                        FixtureStates.inState(organization, OrganizationStatus.VERIFIED);
                        return organization.persist();
                    })));
        } catch (Throwable failure) {
            throw new IllegalStateException("could not make organization " + uscc, failure);
        }
    }

    /**
     * Runs {@code work} while organization {@code uscc} (if it exists) is UNVERIFIED, then puts back the status it had:
     * a test about an unverified organization does not depend on which test verified it before.
     */
    public static void unverifiedDuring(String uscc, Runnable work) {
        OrganizationStatus before = status(uscc, null);
        if (before != null) {
            status(uscc, OrganizationStatus.UNVERIFIED);
        }
        try {
            work.run();
        } finally {
            if (before != null) {
                status(uscc, before);
            }
        }
    }

    /** Sets the status of an existing organization (when {@code next} is not null); the status it had, null if none. */
    private static OrganizationStatus status(String uscc, OrganizationStatus next) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    Organization.<Organization>findById(uscc).flatMap(existing -> {
                        if (existing == null) {
                            return io.smallrye.mutiny.Uni.createFrom().nullItem();
                        }
                        OrganizationStatus had = existing.state();
                        if (next == null) {
                            return io.smallrye.mutiny.Uni.createFrom().item(had);
                        }
                        FixtureStates.inState(existing, next);
                        return existing.persist().replaceWith(had);
                    })));
        } catch (Throwable failure) {
            throw new IllegalStateException("could not read or set organization " + uscc, failure);
        }
    }
}
