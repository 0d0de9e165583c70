package io.pdx.marketplace.lifecycle;

/** Told of every transition after its transaction committed (e.g. to wake clients waiting on a job). */
public interface TransitionListener {

    void committed(Stateful<?> aggregate, Transition<?> transition);
}
