package io.pdx.marketplace.sandbox;

import io.pdx.contracts.policy.PolicyDecision;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.marketplace.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** The expected failures of sandbox jobs and deliveries. */
public final class JobProblems {

    /** A release or download asked under a license that is not ACTIVE and within its term. */
    static final PolicyDecision.Reason LICENSE_NOT_ACTIVE = new PolicyDecision.Reason("license_not_active",
            "授权未处于生效状态（已暂停、撤销、过期或尚未开始），结果不能发布或下载",
            "The license is not in force (suspended, revoked, expired or not started): the result cannot be released or downloaded");

    private JobProblems() {
    }

    /** 403: the license the job ran under is not in force now. */
    static final class LicenseNotActive extends ProblemException {
        LicenseNotActive(UUID license) {
            super(403, "sandbox/license-not-active", "License not in force / 授权未生效",
                    "License " + license + " is not in force; results under it are not released or downloaded.", List.of(),
                    List.of(LICENSE_NOT_ACTIVE));
        }
    }

    /** A request with invalid fields: 400 (its schema) or 422 (a rule beyond it) naming each. */
    public static final class InvalidJob extends ProblemException {
        InvalidJob(List<FieldError> errors) {
            this(400, errors);
        }

        /** 400 when the request breaks its schema, else 422 (a rule beyond it). */
        public InvalidJob(io.pdx.marketplace.problem.FieldCheck check) {
            this(check.status(), check.errors());
        }

        private InvalidJob(int status, List<FieldError> errors) {
            super(status, "invalid-request", "Invalid request / 请求无效", "The job request has invalid fields.", errors);
        }

        /** Rules beyond the request's schema (a template and its parameters, ε within the grade's range): 422. */
        public static InvalidJob rules(List<FieldError> errors) {
            return new InvalidJob(422, errors);
        }
    }

    /** The policy did not admit the job: 403 with its reasons; nothing was charged. */
    public static final class AdmissionDenied extends ProblemException {
        public AdmissionDenied(List<PolicyDecision.Reason> reasons) {
            super(403, "sandbox/admission-denied", "Job not admitted / 作业未获准入",
                    "The job was not admitted: " + String.join(", ", reasons.stream().map(PolicyDecision.Reason::code).toList())
                            + ". Nothing was run or charged.", List.of(), reasons);
        }

        /** Refused under a license the job joins (a clean room): the detail names it and its dataset. */
        public AdmissionDenied(List<PolicyDecision.Reason> reasons, java.util.UUID license, String datasetZh, String datasetEn) {
            super(403, "sandbox/admission-denied", "Job not admitted / 作业未获准入",
                    "The job was not admitted under the joined license " + license + " (dataset " + datasetEn + " / " + datasetZh
                            + "): " + String.join(", ", reasons.stream().map(PolicyDecision.Reason::code).toList())
                            + ". Nothing was run or charged. / 联合的许可（数据集「" + datasetZh + "」）未获准入，作业未运行、未计费。",
                    List.of(), reasons);
        }
    }

    /** The policy gives no slot settings: nothing runs whose timing would be left to its data (503). */
    public static final class SlotsUnavailable extends ProblemException {
        public SlotsUnavailable() {
            super(503, "sandbox/slots-unavailable", "Sandbox slots unavailable / 沙箱时间片不可用",
                    "The sandbox's slot settings are missing; nothing was run or charged. / 沙箱时间片配置缺失，作业未运行、未计费。");
        }
    }

    /** A requester's cancel once the job's slot began: 409, whatever the run is doing. */
    static final class SlotBegun extends ProblemException {
        SlotBegun(java.util.UUID id, io.pdx.contracts.sandbox.JobState shown) {
            super(409, "sandbox/slot-begun", "Job cannot be cancelled / 作业无法取消",
                    "Sandbox job " + id + " is " + shown + ": its slot has begun, so it can no longer be cancelled. / 作业时间片已开始，无法取消。");
        }
    }

    /** No such job, or another organization's: 404 either way. */
    static final class JobNotFound extends ProblemException {
        JobNotFound(UUID id) {
            super(404, "not-found", "Not found / 未找到", "Sandbox job " + id + " not found.");
        }
    }

    /** A license the caller may not use for this: 404 when it is not theirs. */
    public static final class LicenseNotFound extends ProblemException {
        public LicenseNotFound(UUID id) {
            super(404, "not-found", "Not found / 未找到", "License " + id + " not found.");
        }
    }

    /** The result is not released (yet) or is gone. */
    static final class ResultUnavailable extends ProblemException {
        ResultUnavailable(UUID id, String why, int status) {
            super(status, status == 410 ? "sandbox/result-expired" : "sandbox/result-not-released",
                    status == 410 ? "Result expired / 结果已过期" : "Result not released / 结果尚未发布",
                    "The result of job " + id + " " + why + ".");
        }
    }

    /** The dataset has no data in the sandbox (it was registered without a data file). */
    public static final class NoSandboxData extends ProblemException {
        NoSandboxData(UUID dataset) {
            super(409, "sandbox/no-data", "No data in the sandbox / 沙箱中无此数据",
                    "Dataset " + dataset + " has no data file in the sandbox.");
        }
    }

    /** A delivery that the license does not allow. */
    static final class DeliveryRefused extends ProblemException {
        DeliveryRefused(String code, String zh, String en) {
            super(403, "sandbox/" + code.replace('_', '-'), "Delivery refused / 交付被拒绝", en + " / " + zh, List.of(),
                    List.of(new PolicyDecision.Reason(code, zh, en)));
        }
    }
}
