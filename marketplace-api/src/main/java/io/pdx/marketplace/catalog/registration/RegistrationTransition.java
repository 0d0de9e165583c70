package io.pdx.marketplace.catalog.registration;

import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.marketplace.lifecycle.Transition;

import java.util.EnumSet;
import java.util.Set;

import static io.pdx.contracts.catalog.RegistrationStatus.DRAFT;
import static io.pdx.contracts.catalog.RegistrationStatus.REGISTERED;
import static io.pdx.contracts.catalog.RegistrationStatus.RETURNED;
import static io.pdx.contracts.catalog.RegistrationStatus.SUBMITTED;
import static io.pdx.contracts.catalog.RegistrationStatus.SUPERSEDED;
import static io.pdx.marketplace.lifecycle.Transition.By.CALLER;
import static io.pdx.marketplace.lifecycle.Transition.By.PLATFORM;

/**
 * The named transitions of a dataset version's registration (登记): the provider submits a draft (or a returned
 * one), the bureau registers it or returns it with reasons; registering a version supersedes the one registered
 * before it (the platform's move).
 */
public enum RegistrationTransition implements Transition<RegistrationStatus> {
    SUBMIT(CALLER, "submit", SUBMITTED, DRAFT, RETURNED),
    REGISTER(CALLER, "register", REGISTERED, SUBMITTED),
    RETURN(CALLER, "return", RETURNED, SUBMITTED),
    SUPERSEDE(PLATFORM, "supersede", SUPERSEDED, REGISTERED);

    private final By by;
    private final String verb;
    private final RegistrationStatus target;
    private final Set<RegistrationStatus> sources;

    RegistrationTransition(By by, String verb, RegistrationStatus target, RegistrationStatus first, RegistrationStatus... more) {
        this.by = by;
        this.verb = verb;
        this.target = target;
        this.sources = EnumSet.of(first, more);
    }

    @Override
    public Set<RegistrationStatus> sources() {
        return sources;
    }

    @Override
    public RegistrationStatus target() {
        return target;
    }

    @Override
    public By by() {
        return by;
    }

    @Override
    public String kind() {
        return "dataset";
    }

    @Override
    public String verb() {
        return verb;
    }
}
