package io.pdx.contracts.satisfaction;

/** Where a case stands: OPEN until a bureau reviewer answers it in writing (整改答复), then ANSWERED. */
public enum CaseStatus {
    OPEN, ANSWERED
}
