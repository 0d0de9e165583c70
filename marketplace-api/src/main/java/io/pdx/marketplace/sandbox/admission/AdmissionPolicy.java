package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.policy.SandboxAdmissionInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.runner.Analysis;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.sandbox.JobProblems;
import io.pdx.policy.client.PolicyAnswer;
import io.pdx.policy.client.PolicyClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * OPA's admission of a job ({@code pdx.sandbox}): the caller, the license as it is now, the columns the statement
 * reads, the usage so far and the ε asked. A refusal fails with 403 and its reasons — or 422 naming {@code epsilon}
 * when only its range was wrong; an admission answers the grade's controls and the cost to charge.
 */
@ApplicationScoped
class AdmissionPolicy {

    static final String POLICY = "pdx/sandbox";

    private final PolicyClient policy;

    AdmissionPolicy(PolicyClient policy) {
        this.policy = policy;
    }

    /**
     * The admitting answer for one dataset the job reads ({@code read}, under its license as locked now: {@code license})
     * with the others it joins ({@code joined}, whose grades count for the controls); a failure naming the reasons
     * otherwise — and the license and dataset when it is a joined one ({@code joinedRead}).
     */
    Uni<PolicyAnswer<SandboxVerdict>> admit(Subject subject, Double epsilon, License license, Preparation.Read read,
                                            List<Preparation.Read> joined, boolean joinedRead, Analysis analysis, UUID jobId,
                                            PriorUsage usage, boolean reusesResult) {
        SandboxAdmissionInput input = input(subject, license, read.dataset(), columns(analysis, read), usage, epsilon, jobId,
                reusesResult, joined.stream().map(other -> new SandboxAdmissionInput.JobDataset(other.dataset().id.toString(),
                        other.dataset().grade.name(), columns(analysis, other))).toList());
        return policy.evaluate(POLICY, input, SandboxVerdict.class)
                .invoke(answer -> refuseUnlessAdmitted(answer.result(), joinedRead ? read : null));
    }

    private static List<String> columns(Analysis analysis, Preparation.Read read) {
        return analysis.columnsByAlias().getOrDefault(read.data().alias(), List.of());
    }

    private static void refuseUnlessAdmitted(SandboxVerdict verdict, Preparation.Read joinedRead) {
        if (verdict.admission() != null && verdict.admission().allow()) {
            return;
        }
        List<PolicyDecision.Reason> reasons = verdict.admission() == null ? List.of() : verdict.admission().reasons();
        if (joinedRead != null) {
            throw new JobProblems.AdmissionDenied(reasons, joinedRead.license().id, joinedRead.dataset().nameZh,
                    joinedRead.dataset().nameEn);
        }
        if (reasons.stream().anyMatch(reason -> "epsilon_out_of_range".equals(reason.code())) && verdict.controls() != null) {
            throw JobProblems.InvalidJob.rules(List.of(new FieldError("epsilon", "must lie within ["
                    + plain(verdict.controls().epsilon_min()) + ", " + plain(verdict.controls().epsilon_max())
                    + "] for " + verdict.controls().grade() + " data (default: the middle of the range)")));
        }
        throw new JobProblems.AdmissionDenied(reasons);
    }

    static SandboxAdmissionInput input(Subject subject, License license, Dataset dataset, List<String> columns,
                                       PriorUsage usage, Double epsilon, UUID jobId, boolean reusesResult,
                                       List<SandboxAdmissionInput.JobDataset> joined) {
        return new SandboxAdmissionInput(subject,
                new SandboxAdmissionInput.License(license.id.toString(), license.state().name(), license.organization,
                        license.mode.name(), license.termStart == null ? null : license.termStart.toString(), license.termEnd.toString(),
                        List.of(new SandboxAdmissionInput.ScopeEntry(dataset.id.toString(), license.columns.columns())),
                        null),
                new SandboxAdmissionInput.Usage(usage.calls(), usage.spent().epsilonMicros(), usage.spent().deltaPicos()),
                new SandboxAdmissionInput.Job(jobId == null ? "analysis" : jobId.toString(),
                        List.of(new SandboxAdmissionInput.JobDataset(dataset.id.toString(), dataset.grade.name(), columns)),
                        epsilon, reusesResult, joined));
    }

    private static String plain(Double value) {
        return value == null ? "?" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
