package io.pdx.marketplace.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pdx.contracts.Grade;
import io.pdx.contracts.policy.Subject;

import java.util.List;

/**
 * What package {@code pdx.catalog} lets a subject see: the grades it may list, and whether a
 * provider also sees every grade of its own department's entries.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogView(
        @JsonProperty("visible_grades") List<Grade> visibleGrades,
        @JsonProperty("own_department_visible") boolean ownDepartmentVisible) {

    public CatalogView {
        visibleGrades = visibleGrades == null ? List.of() : List.copyOf(visibleGrades);
    }

    /** Whether {@code dataset} is visible under this view for {@code subject}. */
    public boolean shows(Dataset dataset, Subject subject) {
        return visibleGrades.contains(dataset.grade)
                || ownDepartmentVisible && dataset.provider.equals(subject.department());
    }
}
