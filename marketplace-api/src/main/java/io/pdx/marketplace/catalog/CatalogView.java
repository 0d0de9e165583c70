package io.pdx.marketplace.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.policy.Subject;

import java.util.List;

/**
 * What package {@code pdx.catalog} lets a subject see: the grades it may list, whether it sees
 * entries in every registration state (the bureau) or registered ones only, and whether a
 * provider also sees everything of its own department.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogView(
        @JsonProperty("visible_grades") List<Grade> visibleGrades,
        @JsonProperty("own_department_visible") boolean ownDepartmentVisible,
        @JsonProperty("all_statuses_visible") boolean allStatusesVisible) {

    public CatalogView {
        visibleGrades = visibleGrades == null ? List.of() : List.copyOf(visibleGrades);
    }

    /** Whether {@code dataset} is visible under this view for {@code subject} (the SQL of {@link CatalogSearch} says the same). */
    public boolean shows(Dataset dataset, Subject subject) {
        boolean statusVisible = dataset.state() == RegistrationStatus.REGISTERED || allStatusesVisible;
        return visibleGrades.contains(dataset.grade) && statusVisible
                || ownDepartmentVisible && dataset.provider.equals(subject.department());
    }

    /**
     * Whether {@code dataset}'s grade is one this subject may see, whatever its registration state (a registration in
     * publicity, a certificate verified): the catalog's grade rule without its status rule.
     */
    public boolean showsGrade(Dataset dataset, Subject subject) {
        return visibleGrades.contains(dataset.grade)
                || ownDepartmentVisible && dataset.provider.equals(subject.department());
    }
}
