package io.pdx.contracts.catalog;

/** 开放属性: open to the public, open through authorized operation, or not open. */
public enum Openness {
    /** 开放 */
    OPEN,
    /** 授权运营 */
    AUTHORIZED_OPERATION,
    /** 不开放 */
    NOT_OPEN
}
