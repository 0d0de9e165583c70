package io.pdx.sandbox.engine;

/**
 * A job that could not run or whose result may not be kept: a stable code, an HTTP status and a
 * message in Chinese and English. Never carries a value from the data or the statement.
 *
 * <p>A failure <em>after the run read data</em> ({@link #afterRead}) is one and the same to the
 * requester whatever its cause (time, memory or size limit, an engine error): telling them apart
 * would let the data decide which answer comes back. Its {@link #cause()} is kept for the bureau, and
 * {@link #dataRead()} tells marketplace-api that the job's ε stays spent.
 */
public final class RunFailure extends Exception {

    private final String code;
    private final int status;
    private final String messageZh;
    private final String messageEn;
    private final boolean dataRead;
    private final String cause;

    public RunFailure(String code, int status, String messageZh, String messageEn) {
        this(code, status, messageZh, messageEn, false, code);
    }

    private RunFailure(String code, int status, String messageZh, String messageEn, boolean dataRead, String cause) {
        super(code, null, false, false);
        this.code = code;
        this.status = status;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.dataRead = dataRead;
        this.cause = cause;
    }

    /** The run read data and then failed, for {@code cause} (shown to the bureau only). */
    public static RunFailure afterRead(String cause) {
        return new RunFailure("run_failed", 422, "查询在读取数据后未能完成；已计入隐私预算",
                "The query did not complete after it read data; its privacy budget stays spent", true, cause);
    }

    public static RunFailure timeLimit() {
        return afterRead("time_limit_exceeded");
    }

    public static RunFailure memoryLimit() {
        return afterRead("memory_limit_exceeded");
    }

    public static RunFailure resultTooLarge() {
        return afterRead("result_too_large");
    }

    public static RunFailure queryFailed() {
        return afterRead("query_failed");
    }

    /** The engine refused the statement before reading any data (binding, planning). */
    public static RunFailure notExecutable() {
        return new RunFailure("query_not_executable", 422, "查询无法执行（类型或函数参数不匹配），未读取数据",
                "The query cannot be executed (a type or function argument does not fit); no data was read");
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

    /** Whether the run read data before it failed (its privacy cost stands). */
    public boolean dataRead() {
        return dataRead;
    }

    /** What went wrong, for the bureau; the requester sees {@link #code()} only. */
    public String cause() {
        return cause;
    }
}
