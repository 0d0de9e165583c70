package io.pdx.contracts;

/** How a column may be used; the column controls of ARCHITECTURE.md follow these tags. */
public enum ColumnTag {
    /** 身份证号, phone, plate, person id: never output. */
    IDENTIFIER,
    /** age, district, date: output only when aggregated above k. */
    QUASI_IDENTIFIER,
    SENSITIVE,
    ATTRIBUTE,
    METRIC
}
