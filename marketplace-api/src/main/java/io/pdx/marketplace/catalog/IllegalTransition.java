package io.pdx.marketplace.catalog;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.problem.ProblemException;

import java.util.UUID;

/** A registration move the transition table does not allow: 409. */
public final class IllegalTransition extends ProblemException {

    public IllegalTransition(UUID id, RegistrationStatus from, RegistrationStatus to) {
        super(409, "illegal-transition", "Illegal state transition / 状态不允许此操作",
                "Dataset " + id + " is " + from + " and cannot become " + to + ".");
    }
}
