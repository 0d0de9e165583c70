package io.pdx.marketplace.observability;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ε gauge counts from the start of the bureau's calendar year at the injected Clock's instant, whatever its zone. */
class PlatformGaugesYearTest {

    /** 2026-12-31 23:59:59 in Beijing, still 2026-12-31 15:59:59 in UTC (the platform clock's zone). */
    static final Clock BEFORE_BUREAU_MIDNIGHT = Clock.fixed(Instant.parse("2026-12-31T15:59:59Z"), ZoneOffset.UTC);

    @Test
    void beforeBureauMidnight_theYearIsTheOldOne() {
        assertEquals(OffsetDateTime.parse("2026-01-01T00:00+08:00"), PlatformGauges.yearStart(BEFORE_BUREAU_MIDNIGHT));
    }

    @Test
    void aSecondLater_theBureausNewYearHasBegun_thoughUtcIsStillInTheOld() {
        Clock later = Clock.offset(BEFORE_BUREAU_MIDNIGHT, Duration.ofSeconds(1));
        assertEquals(OffsetDateTime.parse("2027-01-01T00:00+08:00"), PlatformGauges.yearStart(later));
    }
}
