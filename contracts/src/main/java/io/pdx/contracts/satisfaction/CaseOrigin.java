package io.pdx.contracts.satisfaction;

/** What opened a case: a poor rating (差评) or a complaint (投诉). */
public enum CaseOrigin {
    RATING, COMPLAINT
}
