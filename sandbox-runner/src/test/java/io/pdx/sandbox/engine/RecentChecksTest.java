package io.pdx.sandbox.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class RecentChecksTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private static final StatementAnalysis.Checked PASSED = new StatementAnalysis.Checked(null, null);

    @Test
    void aPass_isKeptForItsTimeToLive_andNoLonger() {
        RecentChecks recent = new RecentChecks(Duration.ofSeconds(10), now::get);
        recent.put("datasets\nSELECT 1", PASSED);

        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertSame(PASSED, recent.get("datasets\nSELECT 1"));
        assertNull(recent.get("datasets\nSELECT 2"), "another statement was never checked");

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertNull(recent.get("datasets\nSELECT 1"));
        assertEquals(0, recent.size(), "an expired verdict is dropped when looked up");
    }

    @Test
    void aTimeToLiveOfZero_keepsNothing() {
        RecentChecks recent = new RecentChecks(Duration.ZERO, now::get);
        recent.put("k", PASSED);

        assertNull(recent.get("k"));
        assertEquals(0, recent.size());
    }

    @Test
    void atMostMaxVerdicts_areKept_theOldestGoFirst() {
        RecentChecks recent = new RecentChecks(Duration.ofMinutes(1), now::get);
        for (int i = 0; i < RecentChecks.MAX + 5; i++) {
            recent.put("k" + i, PASSED);
        }

        assertEquals(RecentChecks.MAX, recent.size());
        assertNull(recent.get("k0"));
        assertSame(PASSED, recent.get("k" + (RecentChecks.MAX + 4)));
    }

    @Test
    void expiredVerdicts_areSweptWhenANewOneIsKept() {
        RecentChecks recent = new RecentChecks(Duration.ofSeconds(1), now::get);
        recent.put("old", PASSED);
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        recent.put("new", PASSED);

        assertEquals(1, recent.size());
    }
}
