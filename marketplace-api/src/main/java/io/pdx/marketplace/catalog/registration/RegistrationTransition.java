package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.lifecycle.Transition;

import static io.pdx.contracts.catalog.RegistrationStatus.DRAFT;
import static io.pdx.contracts.catalog.RegistrationStatus.REGISTERED;
import static io.pdx.contracts.catalog.RegistrationStatus.RETURNED;
import static io.pdx.contracts.catalog.RegistrationStatus.SUBMITTED;
import static io.pdx.contracts.catalog.RegistrationStatus.SUPERSEDED;
import static io.pdx.marketplace.lifecycle.Transition.Edge.caller;
import static io.pdx.marketplace.lifecycle.Transition.Edge.platform;

/**
 * The named transitions of a dataset version's registration (登记): the provider submits a draft (or a returned
 * one), the bureau registers it or returns it with reasons; registering a version supersedes the one registered
 * before it (the platform's move).
 */
public enum RegistrationTransition implements Transition<RegistrationStatus> {
    SUBMIT(caller("submit", SUBMITTED, DRAFT, RETURNED)),
    REGISTER(caller("register", REGISTERED, SUBMITTED)),
    RETURN(caller("return", RETURNED, SUBMITTED)),
    SUPERSEDE(platform("supersede", SUPERSEDED, REGISTERED));

    private final Edge<RegistrationStatus> edge;

    RegistrationTransition(Edge<RegistrationStatus> edge) {
        this.edge = edge;
    }

    @Override
    public Edge<RegistrationStatus> edge() {
        return edge;
    }

    @Override
    public String kind() {
        return "dataset";
    }
}
