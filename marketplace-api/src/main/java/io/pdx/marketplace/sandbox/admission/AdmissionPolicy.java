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

    /** The admitting answer; a failure naming the reasons otherwise. */
    Uni<PolicyAnswer<SandboxVerdict>> admit(Subject subject, Double epsilon, License license, Preparation.Prepared prepared,
                                            Analysis analysis, UUID jobId, PriorUsage usage) {
        List<String> columns = analysis.columnsByAlias().getOrDefault(prepared.data().alias(), List.of());
        SandboxAdmissionInput input = input(subject, license, prepared.dataset(), columns, usage, epsilon, jobId);
        return policy.evaluate(POLICY, input, SandboxVerdict.class).invoke(answer -> refuseUnlessAdmitted(answer.result()));
    }

    private static void refuseUnlessAdmitted(SandboxVerdict verdict) {
        if (verdict.admission() != null && verdict.admission().allow()) {
            return;
        }
        List<PolicyDecision.Reason> reasons = verdict.admission() == null ? List.of() : verdict.admission().reasons();
        if (reasons.stream().anyMatch(reason -> "epsilon_out_of_range".equals(reason.code())) && verdict.controls() != null) {
            throw JobProblems.InvalidJob.rules(List.of(new FieldError("epsilon", "must lie within ["
                    + plain(verdict.controls().epsilon_min()) + ", " + plain(verdict.controls().epsilon_max())
                    + "] for " + verdict.controls().grade() + " data (default: the middle of the range)")));
        }
        throw new JobProblems.AdmissionDenied(reasons);
    }

    static SandboxAdmissionInput input(Subject subject, License license, Dataset dataset, List<String> columns,
                                       PriorUsage usage, Double epsilon, UUID jobId) {
        return new SandboxAdmissionInput(subject,
                new SandboxAdmissionInput.License(license.id.toString(), license.state().name(), license.organization,
                        license.mode.name(), license.termStart == null ? null : license.termStart.toString(), license.termEnd.toString(),
                        List.of(new SandboxAdmissionInput.ScopeEntry(dataset.id.toString(), license.columns.columns())),
                        null),
                new SandboxAdmissionInput.Usage(usage.calls(), usage.spent().epsilonMicros(), usage.spent().deltaPicos()),
                new SandboxAdmissionInput.Job(jobId == null ? "analysis" : jobId.toString(),
                        List.of(new SandboxAdmissionInput.JobDataset(dataset.id.toString(), dataset.grade.name(), columns)),
                        epsilon, usage.earlier() != null));
    }

    private static String plain(Double value) {
        return value == null ? "?" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
