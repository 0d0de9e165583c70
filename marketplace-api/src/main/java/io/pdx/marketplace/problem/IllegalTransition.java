package io.pdx.marketplace.problem;

/** A state change that the resource's transition table does not allow: 409, whatever the resource. */
public final class IllegalTransition extends ProblemException {

    public IllegalTransition(String resource, Object id, Enum<?> from, Enum<?> to) {
        super(409, "illegal-transition", "Illegal state transition / 状态不允许此操作",
                resource + " " + id + " is " + from + " and cannot become " + to + ".");
    }
}
