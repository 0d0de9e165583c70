package io.pdx.marketplace.time;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The platform's clock in the tests: the system's, moved forward by what a test asks ({@link #advance}) and back again
 * ({@link #reset}, which every test that moves it calls when it ends), so that windows and deadlines pass without waiting.
 */
@Mock
@ApplicationScoped
public class MovablePlatformClock extends PlatformClock {

    private static final Movable CLOCK = new Movable();

    @Produces
    @Singleton
    @Override
    Clock clock() {
        return CLOCK;
    }

    public static void advance(Duration by) {
        CLOCK.offset = CLOCK.offset.plus(by);
    }

    public static void reset() {
        CLOCK.offset = Duration.ZERO;
    }

    private static final class Movable extends Clock {

        private volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
