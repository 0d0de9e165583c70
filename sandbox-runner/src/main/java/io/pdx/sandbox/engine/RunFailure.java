package io.pdx.sandbox.engine;

/**
 * A job that could not run or whose result may not be kept: a stable code, an HTTP status and a
 * message in Chinese and English. Never carries a value from the data or the statement.
 */
public final class RunFailure extends Exception {

    private final String code;
    private final int status;
    private final String messageZh;
    private final String messageEn;

    public RunFailure(String code, int status, String messageZh, String messageEn) {
        super(code, null, false, false);
        this.code = code;
        this.status = status;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public static RunFailure timeLimit() {
        return new RunFailure("time_limit_exceeded", 422, "查询超过时间上限，已取消", "The query ran past its time limit and was cancelled");
    }

    public static RunFailure memoryLimit() {
        return new RunFailure("memory_limit_exceeded", 422, "查询超过内存上限，已终止", "The query needed more memory than allowed and was stopped");
    }

    public static RunFailure resultTooLarge() {
        return new RunFailure("result_too_large", 422, "结果超过大小上限", "The result is larger than allowed");
    }

    public static RunFailure queryFailed() {
        return new RunFailure("query_failed", 422, "查询执行失败", "The query failed while running");
    }

    public static RunFailure notFound() {
        return new RunFailure("result_not_found", 404, "结果不存在或已过期", "The result does not exist or has expired");
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
