package io.pdx.marketplace.lifecycle;

/** Told of every transition once the transaction that applied it committed (e.g. to wake clients waiting on a job). */
public interface TransitionListener {

    void committed(StatefulEntity<?> aggregate, Transition<?> transition);
}
