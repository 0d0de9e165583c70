package io.pdx.marketplace.licensing;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationDenied;
import io.pdx.marketplace.security.OperationGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * A license as the caller may read it: the policy decides ({@code license.read}); a signed-in caller who may not read
 * it is told it does not exist (404), so another organization's license ids cannot be probed.
 */
@ApplicationScoped
public class LicenseReader {

    private final OperationGuard guard;

    public LicenseReader(OperationGuard guard) {
        this.guard = guard;
    }

    /** Within a session. */
    public Uni<License> readable(UUID id, Subject subject) {
        return License.<License>findById(id)
                .onItem().ifNull().failWith(() -> new LicenseProblems.LicenseNotFound(id))
                .call(license -> guard.require(subject, Operation.LICENSE_READ,
                                new AuthzInput.Resource("license", license.id.toString(), license.organization, null, null))
                        .onFailure(OperationDenied.class).transform(denied -> subject.authenticated()
                                && !((OperationDenied) denied).subjectRefused() ? new LicenseProblems.LicenseNotFound(id) : denied));
    }
}
