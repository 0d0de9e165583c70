package io.pdx.marketplace.licensing;

import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.registration.RegistrationTransition;
import io.pdx.marketplace.lifecycle.StatefulEntity;
import io.pdx.marketplace.lifecycle.Transition;
import io.pdx.marketplace.lifecycle.TransitionHook;
import io.pdx.marketplace.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A change of a registered dataset may not break the licenses in force on it: a column that a license approved,
 * accepted or suspended (not yet ended) uses must keep its name and type in the new version. Checked when the change is
 * submitted (a hook of the registration's submit, in its transaction: the refusal undoes it); the refusal names the
 * licenses and the columns.
 */
@ApplicationScoped
public class LicensedColumnsKept implements TransitionHook {

    static final List<LicenseState> IN_FORCE = List.of(LicenseState.APPROVED, LicenseState.ACTIVE, LicenseState.SUSPENDED);

    @Override
    public boolean follows(Transition<?> transition) {
        return transition == RegistrationTransition.SUBMIT;
    }

    @Override
    public Uni<Void> run(StatefulEntity<?> aggregate, Transition<?> transition) {
        return keptBy((Dataset) aggregate);
    }

    /** A change that breaks licenses in force: 409 naming them and the columns. */
    static final class ChangeBreaksLicenses extends ProblemException {
        ChangeBreaksLicenses(List<String> licenses, List<String> columns) {
            super(409, "breaks-licenses", "Change breaks licenses in force / 变更影响在用授权",
                    "The change removes or retypes column(s) " + columns + " that license(s) in force use: " + licenses
                            + ". Keep the columns, or wait until those licenses end.",
                    List.of(new FieldError("columns", "removes or retypes columns used by licenses " + licenses)));
        }
    }

    /** Nothing when {@code dataset} is not a change or keeps every licensed column; a 409 otherwise. */
    static Uni<Void> keptBy(Dataset dataset) {
        if (dataset.amends == null || dataset.registrationType == io.pdx.contracts.catalog.RegistrationType.CANCELLATION) {
            return Uni.createFrom().voidItem();
        }
        return Dataset.<Dataset>findById(dataset.amends).flatMap(amended -> {
            Map<String, String> now = types(dataset.schema.columns());
            Set<String> broken = types(amended.schema.columns()).entrySet().stream()
                    .filter(column -> !column.getValue().equals(now.get(column.getKey())))
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
            if (broken.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return License.<License>list("datasetId in (select d.id from Dataset d where d.lineageId = ?1) and state in ?2",
                            dataset.lineageId, IN_FORCE)
                    .map(licenses -> {
                        List<License> breaking = licenses.stream().filter(license -> license.columns.columns().stream()
                                .anyMatch(broken::contains)).toList();
                        if (!breaking.isEmpty()) {
                            throw new ChangeBreaksLicenses(
                                    breaking.stream().map(license -> license.id.toString()).sorted().toList(),
                                    breaking.stream().flatMap(license -> license.columns.columns().stream())
                                            .filter(broken::contains).distinct().sorted().toList());
                        }
                        return null;
                    });
        });
    }

    private static Map<String, String> types(List<ColumnSpec> columns) {
        return columns.stream().collect(Collectors.toMap(ColumnSpec::name, ColumnSpec::type, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
