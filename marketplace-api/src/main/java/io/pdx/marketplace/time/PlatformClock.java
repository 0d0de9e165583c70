package io.pdx.marketplace.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The platform's one clock: every moment that decides something (a transition's stamp, a deadline, a slot, a term)
 * is read from the injected {@link Clock}, so that tests move time instead of waiting for it.
 */
@ApplicationScoped
public class PlatformClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
