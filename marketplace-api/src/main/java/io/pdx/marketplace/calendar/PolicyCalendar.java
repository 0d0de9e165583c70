package io.pdx.marketplace.calendar;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The bureau's calendar as the policy data holds it ({@code pdx.config.calendar}): its time zone, the public holidays
 * (every day off, weekends within a holiday included) and the weekend days worked in their place, as ISO dates. A new
 * year's arrangement (the State Council's notice) is a change of policy data, not of code.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PolicyCalendar(String time_zone, List<LocalDate> holidays, List<LocalDate> workdays) {

    public static final String PATH = "pdx/config/calendar";

    public WorkingDays workingDays() {
        if (time_zone == null) {
            throw new IllegalStateException("pdx.config.calendar.time_zone is missing");
        }
        return new WorkingDays(ZoneId.of(time_zone), holidays == null ? List.of() : holidays,
                workdays == null ? List.of() : workdays);
    }
}
