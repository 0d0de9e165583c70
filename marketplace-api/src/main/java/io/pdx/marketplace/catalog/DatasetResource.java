package io.pdx.marketplace.catalog;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.DatasetPage;
import io.pdx.contracts.catalog.DatasetSummary;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.problem.InvalidParameter;
import io.pdx.marketplace.security.CurrentSubject;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The catalog as a caller may see it. OPA decides which grades a subject may list; the database
 * filters by them, so nothing the caller may not see is ever read into a page.
 */
@Path("/api/v1/datasets")
@Produces(MediaType.APPLICATION_JSON)
public class DatasetResource {

    private final CatalogPolicy policy;
    private final CurrentSubject currentSubject;

    public DatasetResource(CatalogPolicy policy, CurrentSubject currentSubject) {
        this.policy = policy;
        this.currentSubject = currentSubject;
    }

    @GET
    @WithSession
    public Uni<DatasetPage> list(@QueryParam("grade") String grade,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Subject subject = currentSubject.get();
        Grade gradeFilter = grade == null ? null : parseGrade(grade);
        return policy.viewFor(subject).flatMap(view -> {
            if (view.visibleGrades().isEmpty() && !view.ownDepartmentVisible()) {
                return Uni.createFrom().item(new DatasetPage(List.of(), 0, page, size));
            }
            String where = "(grade in :grades or (:ownDepartment = true and provider = :department))"
                    + (grade == null ? "" : " and grade = :grade");
            Parameters params = Parameters.with("grades", view.visibleGrades())
                    .and("ownDepartment", view.ownDepartmentVisible())
                    .and("department", subject.department() == null ? "" : subject.department());
            if (grade != null) {
                params = params.and("grade", gradeFilter);
            }
            var query = Dataset.<Dataset>find(where, Sort.by("nameZh").and("id"), params);
            // One session runs one statement at a time: the page first, then its total.
            return query.page(page, size).list().flatMap(items -> query.count().map(total -> new DatasetPage(
                    items.stream().map(Dataset::toSummary).toList(), total, page, size)));
        });
    }

    private static Grade parseGrade(String value) {
        try {
            return Grade.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidParameter("grade", "must be one of " + Arrays.toString(Grade.values()));
        }
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<DatasetSummary> get(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return policy.viewFor(subject).flatMap(view -> Dataset.<Dataset>findById(id)
                .map(dataset -> dataset != null && view.shows(dataset, subject) ? dataset.toSummary() : null)
                .onItem().ifNull().failWith(() -> new DatasetNotFound(id)));
    }
}
