package io.pdx.marketplace.time;

import java.time.ZoneId;

/**
 * The bureau's calendar: days, months and years of the platform (billing periods, budget years, disclosures, deadlines,
 * figures by month) are Asia/Shanghai's, whatever zone a machine runs in. One place names it.
 */
public final class BureauTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BureauTime() {
    }
}
