package io.pdx.contracts.catalog;

/** 更新频率: how often the holder refreshes a dataset. */
public enum UpdateFrequency {
    REALTIME, HOURLY, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY, IRREGULAR
}
