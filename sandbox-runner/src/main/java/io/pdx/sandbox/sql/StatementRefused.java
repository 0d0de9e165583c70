package io.pdx.sandbox.sql;

/**
 * Why the guard refused a statement: a stable machine {@link #code()} and a message in Chinese and English.
 * Messages never echo a literal from the statement; they name a column, dataset or function only when
 * the name is a licensed schema name or on the allow-list.
 */
public final class StatementRefused extends Exception {

    private final String code;
    private final String messageZh;
    private final String messageEn;

    StatementRefused(String code, String messageZh, String messageEn) {
        super(code + ": " + messageEn, null, false, false);
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
