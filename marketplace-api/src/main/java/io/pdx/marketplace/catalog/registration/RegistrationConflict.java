package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.problem.ProblemException;

import java.util.List;

/** A registration request that conflicts with the state of the data: 409. */
public final class RegistrationConflict extends ProblemException {

    private RegistrationConflict(String slug, String title, String detail, List<FieldError> errors) {
        super(409, slug, title, detail, errors);
    }

    static RegistrationConflict nameTaken(String provider, String nameZh) {
        return new RegistrationConflict("duplicate-name", "Name already used / 名称已被使用",
                "Provider " + provider + " already has a dataset of that name.",
                List.of(new FieldError("nameZh", "already used by another dataset of this provider")));
    }

    static RegistrationConflict staleVersion(long expected, long actual) {
        return new RegistrationConflict("stale-version", "Changed by someone else / 数据已被他人修改",
                "You edited version " + expected + " but the dataset is now at version " + actual + "; reload it.",
                List.of(new FieldError("lockVersion", "is stale")));
    }

    static RegistrationConflict notEditable(Object status) {
        return new RegistrationConflict("not-editable", "Not editable / 当前状态不可编辑",
                "A dataset that is " + status + " cannot be edited; a registered dataset changes only as a new version"
                        + " (POST /api/v1/datasets/{id}/versions).", List.of());
    }

    static RegistrationConflict openVersionExists() {
        return new RegistrationConflict("open-version-exists", "A newer version is open / 已有进行中的新版本",
                "This dataset already has a version in draft, submitted or returned.", List.of());
    }
}
