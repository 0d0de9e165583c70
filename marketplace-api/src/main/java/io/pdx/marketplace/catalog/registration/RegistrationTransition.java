package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.lifecycle.Transition;

import static io.pdx.contracts.catalog.RegistrationStatus.CANCELLED;
import static io.pdx.contracts.catalog.RegistrationStatus.DRAFT;
import static io.pdx.contracts.catalog.RegistrationStatus.PUBLICITY;
import static io.pdx.contracts.catalog.RegistrationStatus.REGISTERED;
import static io.pdx.contracts.catalog.RegistrationStatus.RETURNED;
import static io.pdx.contracts.catalog.RegistrationStatus.SUBMITTED;
import static io.pdx.contracts.catalog.RegistrationStatus.SUPERSEDED;
import static io.pdx.marketplace.lifecycle.Transition.Edge.caller;
import static io.pdx.marketplace.lifecycle.Transition.Edge.platform;

/**
 * The named transitions of a dataset version's registration (登记, 公共数据资源登记管理暂行办法): the provider submits
 * a draft (or a returned one); the bureau's formal review returns it with reasons or accepts it into publicity (公示);
 * once the window has ended with no objection pending, a reviewer registers it or the platform concludes it, and an
 * upheld objection reopens the review. Registering a version supersedes the one registered before it; registering a
 * cancellation cancels the version it amends and itself (the platform's moves).
 */
public enum RegistrationTransition implements Transition<RegistrationStatus> {
    SUBMIT(caller("submit", SUBMITTED, DRAFT, RETURNED)),
    ACCEPT(caller("accept", PUBLICITY, SUBMITTED)),
    RETURN(caller("return", RETURNED, SUBMITTED)),
    REGISTER(caller("register", REGISTERED, PUBLICITY)),
    CONCLUDE(platform("conclude", REGISTERED, PUBLICITY)),
    REOPEN(platform("reopen", SUBMITTED, PUBLICITY)),
    SUPERSEDE(platform("supersede", SUPERSEDED, REGISTERED)),
    CANCEL(platform("cancel", CANCELLED, REGISTERED));

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
