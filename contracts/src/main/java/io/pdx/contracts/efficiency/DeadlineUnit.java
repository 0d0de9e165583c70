package io.pdx.contracts.efficiency;

/** What a deadline counts: hours from the moment a matter began, or working days (工作日) of the bureau's calendar. */
public enum DeadlineUnit {
    HOURS, WORKING_DAYS
}
