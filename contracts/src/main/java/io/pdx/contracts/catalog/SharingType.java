package io.pdx.contracts.catalog;

/** 共享属性 under 政务数据共享条例: conditional sharing states its condition, no sharing its legal basis. */
public enum SharingType {
    /** 无条件共享 */
    UNCONDITIONAL,
    /** 有条件共享 */
    CONDITIONAL,
    /** 不予共享 */
    NOT_SHARED
}
