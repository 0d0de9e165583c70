package io.pdx.marketplace.catalog.registration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Duration;

/**
 * The registration's time rules, from the policy data ({@code pdx.config.registration}): how many days a registration
 * stays in publicity (公示期), the window in which objections are lodged.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RegistrationRules(int publicity_days) {

    static final String PATH = "pdx/config/registration";

    Duration publicity() {
        if (publicity_days < 1) {
            throw new IllegalStateException("pdx.config.registration.publicity_days must be at least 1");
        }
        return Duration.ofDays(publicity_days);
    }
}
