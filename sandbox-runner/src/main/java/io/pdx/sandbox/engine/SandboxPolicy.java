package io.pdx.sandbox.engine;

import io.pdx.contracts.runner.DataManifest;
import io.pdx.contracts.runner.DatasetDescriptor;
import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.SandboxAdmissionInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.policy.client.PolicyClient;
import io.pdx.policy.client.PolicyUnavailableException;
import io.pdx.sandbox.data.DataFolder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The output controls a job runs under, asked of OPA by the runner itself ({@code pdx.sandbox.controls})
 * through the one policy client: each dataset goes in twice, with the grade the caller gives and
 * with the grade the domain's own manifest records, so OPA's 就高从严 picks the stricter; a dataset
 * the manifest does not know has no grade and is treated as CORE. OPA unreachable: nothing runs.
 */
@ApplicationScoped
public class SandboxPolicy {

    static final String CONTROLS = "pdx/sandbox/controls";
    static final String UNTAGGED_USES = "pdx/config/sandbox/untagged_output_uses";
    static final Duration WAIT = Duration.ofSeconds(3);

    /** The controls and the uses allowed for an output that reads no column (COUNT(*)). */
    public record Controls(ControlsResult controls, List<String> untaggedOutputUses) {
    }

    private final PolicyClient policy;
    private final DataFolder data;

    public SandboxPolicy(PolicyClient policy, DataFolder data) {
        this.policy = policy;
        this.data = data;
    }

    /** Blocking: call it from a worker thread. */
    public Controls controlsFor(List<SandboxDataset> datasets) throws RunFailure {
        List<SandboxAdmissionInput.JobDataset> graded = new ArrayList<>();
        for (SandboxDataset dataset : datasets) {
            if (dataset.owned()) {
                continue; // an organization's own table: the controls are those of the public data it is joined with
            }
            graded.add(new SandboxAdmissionInput.JobDataset(dataset.alias(),
                    dataset.grade() == null ? null : dataset.grade().name(), List.of()));
            graded.add(new SandboxAdmissionInput.JobDataset(dataset.alias() + "#manifest", manifestGrade(dataset.alias()),
                    List.of()));
        }
        SandboxAdmissionInput input = new SandboxAdmissionInput(
                new Subject(true, "sandbox-runner", List.of(), null, null), null, null,
                new SandboxAdmissionInput.Job("controls", graded, null, false));
        try {
            var answers = Uni.combine().all().unis(policy.evaluate(CONTROLS, input, ControlsResult.class),
                    policy.evaluate(UNTAGGED_USES, Map.of(), String[].class)).asTuple().await().atMost(WAIT);
            return new Controls(answers.getItem1().result(), List.of(answers.getItem2().result()));
        } catch (PolicyUnavailableException | io.smallrye.mutiny.TimeoutException unavailable) {
            throw new RunFailure("policy_unavailable", 503, "策略引擎不可用，作业未运行",
                    "The policy engine is not available; nothing was run");
        }
    }

    private String manifestGrade(String alias) throws RunFailure {
        try {
            return data.manifest().map(DataManifest::datasets).orElse(List.of()).stream()
                    .filter(descriptor -> descriptor.file().equals(alias + ".parquet"))
                    .map(DatasetDescriptor::grade)
                    .map(Enum::name)
                    .findFirst().orElse(null);
        } catch (IOException unreadable) {
            throw new RunFailure("manifest_unreadable", 503, "数据目录清单不可读", "The data folder's manifest cannot be read");
        }
    }
}
