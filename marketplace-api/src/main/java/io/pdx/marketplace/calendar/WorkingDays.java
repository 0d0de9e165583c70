package io.pdx.marketplace.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;

/**
 * The working days (工作日) of the bureau's calendar: Monday to Friday, less the public holidays (法定节假日, with the
 * days the State Council's notice joins to them), plus the weekend days worked in their place (调休上班). The dates come
 * from the policy data ({@link PolicyCalendar}); nothing here knows a year.
 */
public final class WorkingDays {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;

    public WorkingDays(ZoneId zone, Collection<LocalDate> holidays, Collection<LocalDate> workdays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
        this.workdays = Set.copyOf(workdays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /** The {@code count}-th working day after {@code start} (not counting {@code start} itself); {@code start} for 0. */
    public LocalDate after(LocalDate start, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        LocalDate day = start;
        for (int left = count; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The calendar day, in the bureau's time zone, of {@code moment}. */
    public LocalDate dayOf(Instant moment) {
        return LocalDate.ofInstant(moment, zone);
    }

    /** The moment {@code day} begins in the bureau's time zone. */
    public java.time.OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /**
     * The moment a matter begun on {@code startDay} and due {@code count} working days later becomes overdue: the start,
     * in the bureau's time zone, of the day after its due day (answered on the due day is on time).
     */
    public java.time.OffsetDateTime overdueAfter(LocalDate startDay, int count) {
        return startOf(after(startDay, count).plusDays(1));
    }

    /** The {@code count}-th working day after the day of {@code moment} in the bureau's time zone. */
    public LocalDate after(Instant moment, int count) {
        return after(dayOf(moment), count);
    }
}
