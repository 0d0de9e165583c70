package io.pdx.marketplace.catalog;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The year in a certificate number is the injected Clock's, not the machine's. */
class CertificateNumbersTest {

    static final Clock LAST_SECOND_OF_2026 = Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneOffset.UTC);

    @Test
    void theNumber_carriesTheClocksYear() {
        assertEquals("PDX-110000-2026-000042", CertificateNumbers.number("110000", 42, LAST_SECOND_OF_2026));
    }

    @Test
    void aSecondLater_theNumberIsOfTheNextYear() {
        Clock newYear = Clock.offset(LAST_SECOND_OF_2026, Duration.ofSeconds(1));
        assertEquals("PDX-110000-2027-000042", CertificateNumbers.number("110000", 42, newYear));
    }
}
