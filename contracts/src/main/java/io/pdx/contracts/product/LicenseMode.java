package io.pdx.contracts.product;

/**
 * How an operator may use a data product. Which modes a grade allows is policy data
 * ({@code data.pdx.config.grades.<GRADE>.license.modes}), never a constant in code.
 */
public enum LicenseMode {
    /** Licensed delivery of row-level data with identifiers removed (低风险数据交付). */
    DELIVERY,
    /** Computation inside the sandbox; only approved results leave it (数据可用不可见). */
    SANDBOX
}
