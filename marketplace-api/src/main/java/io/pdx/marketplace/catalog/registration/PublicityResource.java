package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.Grade;
import io.pdx.contracts.Page;
import io.pdx.contracts.catalog.ObjectionStatus;
import io.pdx.contracts.catalog.PublicityEntry;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.Department;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public list of registrations in publicity (登记公示): what is being registered, by which department (with its
 * credit code), its grade, and until when objections are taken — anonymously readable, soonest end first. Core data
 * is never listed (its registration is not public), nor a grade the caller's catalog does not show.
 */
@Path("/api/v1/registrations/publicity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "registration")
public class PublicityResource {

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final CatalogPolicy catalog;

    public PublicityResource(OperationGuard guard, CurrentSubject currentSubject, CatalogPolicy catalog) {
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.catalog = catalog;
    }

    @GET
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listPublicity", summary = "Registrations in publicity / 登记公示",
            description = "Every registration in its publicity window, with its holder, grade, window and the number of objections pending; anyone may read it and, signed in, object (POST /api/v1/datasets/{id}/objections).")
    @Extension(name = "x-pdx-anonymous", value = "true")
    public Uni<Page<PublicityEntry>> list() {
        io.pdx.contracts.policy.Subject subject = currentSubject.get();
        return guard.require(subject, Operation.REGISTRATION_PUBLICITY,
                        new AuthzInput.Resource("registration", null, null, null, null))
                .flatMap(allowed -> catalog.viewFor(subject))
                .flatMap(view -> Dataset.<Dataset>list("status = ?1 and grade <> ?2",
                                Sort.by("publicityEndsAt").and("id"), RegistrationStatus.PUBLICITY, Grade.CORE)
                        .map(all -> all.stream().filter(dataset -> view.showsGrade(dataset, subject)).toList()))
                .flatMap(datasets -> Department.<Department>listAll()
                        .flatMap(departments -> pending(datasets).map(counts -> {
                            Map<String, Department> byCode = departments.stream()
                                    .collect(Collectors.toMap(department -> department.code, Function.identity()));
                            List<PublicityEntry> entries = datasets.stream().map(dataset -> entry(dataset,
                                    byCode.get(dataset.provider), counts.getOrDefault(dataset.id, 0L))).toList();
                            return new Page<>(entries, entries.size(), 0, Math.max(1, entries.size()));
                        })));
    }

    private static Uni<Map<java.util.UUID, Long>> pending(List<Dataset> datasets) {
        if (datasets.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return RegistrationObjection.<RegistrationObjection>list("datasetId in ?1 and status in ?2",
                        datasets.stream().map(dataset -> dataset.id).toList(), ObjectionStatus.pendingStates())
                .map(objections -> objections.stream()
                        .collect(Collectors.groupingBy(objection -> objection.datasetId, Collectors.counting())));
    }

    private static PublicityEntry entry(Dataset dataset, Department department, long pending) {
        return new PublicityEntry(dataset.id, dataset.nameZh, dataset.nameEn, dataset.registrationType,
                dataset.provider, department != null ? department.nameZh : dataset.providerName,
                department != null ? department.creditCode : null, dataset.grade, dataset.category,
                dataset.updateFrequency, dataset.spatialCoverage, dataset.rowCount, dataset.publicityStartedAt,
                dataset.publicityEndsAt, pending);
    }
}
