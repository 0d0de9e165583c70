package io.pdx.marketplace.disclosure;

import io.pdx.marketplace.problem.ProblemException;

/** No disclosure of that year, or a draft the caller may not see: 404. */
public final class DisclosureNotFound extends ProblemException {

    DisclosureNotFound(Integer year) {
        super(404, "disclosure-not-found", "Disclosure not found / 年度披露不存在", "No disclosure of " + year + " is published.");
    }
}
