package io.pdx.contracts;

/** Data grade under GB/T 43697-2024, lowest first. */
public enum Grade {
    GENERAL("一般数据"),
    IMPORTANT("重要数据"),
    CORE("核心数据");

    private final String labelZh;

    Grade(String labelZh) {
        this.labelZh = labelZh;
    }

    public String labelZh() {
        return labelZh;
    }
}
