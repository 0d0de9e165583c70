package io.pdx.marketplace.sandbox.admission;

import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.sandbox.JobProblems;
import io.pdx.marketplace.sandbox.runner.SandboxRefusal;
import io.pdx.marketplace.sandbox.runner.SandboxUnavailable;
import io.pdx.policy.client.PolicyUnavailableException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Audits a refused submission ({@code job.refuse}) with the statement's hash and the refusal's code, in a
 * transaction of its own; an unavailable policy or runner refused nothing, and is not audited. Never fails.
 */
@ApplicationScoped
class RefusalAudit {

    private final AuditLog audit;

    RefusalAudit(AuditLog audit) {
        this.audit = audit;
    }

    Uni<?> record(Subject subject, JobRequest request, String sql, Throwable refusal) {
        if (refusal instanceof PolicyUnavailableException || refusal instanceof SandboxUnavailable) {
            return Uni.createFrom().voidItem();
        }
        String code = refusal instanceof SandboxRefusal sandbox ? sandbox.code()
                : refusal instanceof JobProblems.AdmissionDenied ? "admission_denied" : refusal.getClass().getSimpleName();
        return Panache.withTransaction(() -> audit.record(subject.user(), AuditAction.JOB_REFUSE, "license",
                        request.licenseId(), subject.organization(), null,
                        Map.of("submittedSha256", sha256(sql), "code", code)))
                .onFailure().recoverWithNull();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
