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

    static RegistrationConflict publicityOpen(java.time.OffsetDateTime endsAt) {
        return new RegistrationConflict("publicity-open", "Publicity not over / 公示期未满",
                "The registration is in publicity until " + endsAt + "; it concludes after the window.", List.of());
    }

    static RegistrationConflict objectionsPending(long pending) {
        return new RegistrationConflict("objections-pending", "Objections pending / 异议尚未处理",
                pending + " objection(s) to this registration await an answer; a registration concludes only when none does.",
                List.of());
    }

    static RegistrationConflict notInPublicity(Object status) {
        return new RegistrationConflict("not-in-publicity", "Not in publicity / 不在公示期",
                "Objections are lodged against a registration in publicity; this one is " + status + ".", List.of());
    }

    static RegistrationConflict objectionWindowClosed(java.time.OffsetDateTime endedAt) {
        return new RegistrationConflict("objection-window-closed", "Publicity window closed / 公示期已结束",
                "The publicity window ended at " + endedAt + "; objections are no longer accepted.", List.of());
    }

    static RegistrationConflict objectionExists() {
        return new RegistrationConflict("objection-exists", "Already objected / 已提出过异议",
                "You have already lodged an objection to this registration; one objection per person.", List.of());
    }

    static RegistrationConflict notAmendable(Object status) {
        return new RegistrationConflict("not-amendable", "Not registered / 未登记",
                "Only a registered dataset is changed, corrected or cancelled; this one is " + status + ".", List.of());
    }
}
