package io.pdx.marketplace.catalog.registration;

import io.pdx.marketplace.problem.ProblemException;

import java.util.UUID;

/** An objection that does not exist or that the caller may not see: 404, the same for both. */
public final class ObjectionNotFound extends ProblemException {

    public ObjectionNotFound(UUID id) {
        super(404, "objection-not-found", "Objection not found / 异议不存在", "No objection " + id + " is visible to you.");
    }
}
