package io.pdx.marketplace.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Working days: weekends and holidays skipped, make-up working days (调休上班) counted — the fast tier, no stack. */
class WorkingDaysTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 中秋 2026 (Fri 25 – Sun 27 September) and its make-up working day, Sunday 20 September. */
    static final WorkingDays AUTUMN_2026 = new WorkingDays(SHANGHAI,
            List.of(LocalDate.parse("2026-09-25"), LocalDate.parse("2026-09-26"), LocalDate.parse("2026-09-27")),
            List.of(LocalDate.parse("2026-09-20")));

    @Test
    void aWeekend_isSkipped() {
        assertEquals(LocalDate.parse("2026-03-09"), AUTUMN_2026.after(LocalDate.parse("2026-03-06"), 1)); // Friday → Monday
        assertFalse(AUTUMN_2026.isWorkingDay(LocalDate.parse("2026-03-07")));
    }

    @Test
    void aHoliday_isSkipped() {
        assertFalse(AUTUMN_2026.isWorkingDay(LocalDate.parse("2026-09-25"))); // a Friday off
        assertEquals(LocalDate.parse("2026-09-28"), AUTUMN_2026.after(LocalDate.parse("2026-09-24"), 1));
    }

    @Test
    void aMakeUpWorkday_onASunday_counts() {
        assertTrue(AUTUMN_2026.isWorkingDay(LocalDate.parse("2026-09-20")));
        assertEquals(LocalDate.parse("2026-09-20"), AUTUMN_2026.after(LocalDate.parse("2026-09-18"), 1));
        assertEquals(LocalDate.parse("2026-09-21"), AUTUMN_2026.after(LocalDate.parse("2026-09-18"), 2));
    }

    @Test
    void theStartDay_isNotCounted_andZeroIsTheStartDay() {
        assertEquals(LocalDate.parse("2026-12-08"), AUTUMN_2026.after(LocalDate.parse("2026-12-07"), 1));
        assertEquals(LocalDate.parse("2026-12-07"), AUTUMN_2026.after(LocalDate.parse("2026-12-07"), 0));
        assertThrows(IllegalArgumentException.class, () -> AUTUMN_2026.after(LocalDate.parse("2026-12-07"), -1));
    }

    /** A moment late on a Friday evening UTC is already Saturday in Shanghai: the day counts from there. */
    @Test
    void theDay_isTheBureausTimeZones() {
        Instant fridayEveningUtc = Instant.parse("2026-03-06T17:00:00Z"); // Saturday 01:00 in Shanghai
        assertEquals(LocalDate.parse("2026-03-07"), AUTUMN_2026.dayOf(fridayEveningUtc));
        assertEquals(LocalDate.parse("2026-03-09"), AUTUMN_2026.after(fridayEveningUtc, 1));
        assertEquals(Instant.parse("2026-03-08T16:00:00Z"), AUTUMN_2026.startOf(LocalDate.parse("2026-03-09")).toInstant());
    }

    /** Due on the working day before 中秋: overdue from the start of the next day in Shanghai, not at its end in UTC. */
    @Test
    void overdueAfter_isTheStartOfTheDayAfterTheDueDay_inTheBureausZone() {
        assertEquals(Instant.parse("2026-09-24T16:00:00Z"), AUTUMN_2026.overdueAfter(LocalDate.parse("2026-09-23"), 1).toInstant());
        // two working days from Thursday 24 September: Tuesday 29 (the holiday skipped), overdue from Wednesday 30
        assertEquals(Instant.parse("2026-09-29T16:00:00Z"), AUTUMN_2026.overdueAfter(LocalDate.parse("2026-09-24"), 2).toInstant());
    }

    /**
     * The policy's own calendar ({@code policy/data.json}): fifteen working days counted across 中秋 and 国庆 2026 and
     * their make-up days, as the State Council's arrangement has them.
     */
    @Nested
    class ThePolicysCalendar {

        final WorkingDays policy = policyCalendar().workingDays();

        @Test
        void fifteenWorkingDays_acrossTheNationalDayHolidays() {
            assertEquals(LocalDate.parse("2026-10-22"), policy.after(LocalDate.parse("2026-09-24"), 15));
            assertEquals(LocalDate.parse("2026-10-15"), policy.after(LocalDate.parse("2026-09-18"), 15));
        }

        @Test
        void fifteenWorkingDays_acrossTheSpringFestival() {
            assertEquals(LocalDate.parse("2026-03-11"), policy.after(LocalDate.parse("2026-02-12"), 15));
        }

        @Test
        void fifteenWorkingDays_ofAnOrdinaryFortnight() {
            assertEquals(LocalDate.parse("2026-12-28"), policy.after(LocalDate.parse("2026-12-07"), 15));
        }

        static PolicyCalendar policyCalendar() {
            try {
                ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
                JsonNode data = json.readTree(Path.of("..", "policy", "data.json").toFile());
                return json.treeToValue(data.at("/pdx/config/calendar"), PolicyCalendar.class);
            } catch (IOException failure) {
                throw new IllegalStateException("policy/data.json unreadable", failure);
            }
        }
    }
}
