package io.pdx.marketplace.lifecycle;

import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;

import java.util.List;

/**
 * How the API offers the transitions of one aggregate's view ({@link OfferedActions}): the resource OPA reads, the
 * caller's transitions that leave from the state the view shows (for a job, the state its requester may see), and the
 * view offering the allowed ones.
 */
public interface ActionSource<V> {

    Class<V> viewType();

    AuthzInput.Resource resource(V view);

    /** The caller's transitions that leave from the state the view shows and that {@code subject} has not used up. */
    List<? extends Transition<?>> offered(V view, Subject subject);

    V withActions(V view, List<String> actions);
}
