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
}
