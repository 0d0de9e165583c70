package io.pdx.sandbox.sql;

import io.pdx.contracts.policy.ControlsResult;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.PlainSelect;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.pdx.sandbox.sql.Refusal.CLAUSE_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.SINGLE_STATEMENT_ONLY;
import static io.pdx.sandbox.sql.Refusal.SQL_INVALID;
import static io.pdx.sandbox.sql.Refusal.SQL_SYNTAX;
import static io.pdx.sandbox.sql.Refusal.SQL_SYNTAX_AT;
import static io.pdx.sandbox.sql.Refusal.STATEMENT_TOO_COSTLY;

/**
 * The static SQL guard of the sandbox. A developer's statement over the aliases of licensed datasets is
 * parsed with JSqlParser, rebuilt from the constructs the sandbox supports ({@link SupportedSyntax}), checked
 * against the datasets' column tags and the grade's output controls ({@link SelectCheck}), and regenerated
 * from the checked tree: what runs is never the developer's text. Stateless and thread-safe.
 */
public final class StatementGuard {

    static final int MAX_LENGTH = 20_000;
    private static final int PARSE_TIMEOUT_MILLIS = 5_000;

    public StatementGuard() {
    }

    /**
     * @param sql                the developer's statement
     * @param tables             the licensed datasets the statement may read, keyed by lower-case alias
     * @param controls           the output controls of the job's grade
     * @param untaggedOutputUses the uses allowed for an output that reads no column ({@code pdx.config.sandbox.untagged_output_uses})
     * @return the validated, regenerated statement
     * @throws StatementRefused for anything not allowed
     */
    public GuardedStatement check(String sql, Map<String, TableSchema> tables, ControlsResult controls,
                                  Set<String> untaggedOutputUses) throws StatementRefused {
        if (sql == null || sql.isBlank() || sql.length() > MAX_LENGTH) {
            throw SQL_INVALID.refused();
        }
        Statements statements = parse(sql);
        if (statements.isEmpty()) {
            throw SQL_INVALID.refused();
        }
        if (statements.size() != 1) {
            throw SINGLE_STATEMENT_ONLY.refused();
        }
        Statement parsed = statements.get(0);
        String aliases = String.join(", ", tables.values().stream().map(TableSchema::alias).sorted().toList());
        ControlsResult.Cost cost = controls.cost();
        if (cost == null) {
            throw STATEMENT_TOO_COSTLY.refused(0, 0); // no cost model: nothing runs
        }
        SupportedSyntax syntax = new SupportedSyntax(aliases, cost);
        PlainSelect copy = syntax.copy(parsed);
        if (!copy.toString().equals(parsed.toString())) {
            throw CLAUSE_NOT_ALLOWED.refused();
        }
        if (syntax.units() > cost.max_row_units()) {
            throw STATEMENT_TOO_COSTLY.refused(cost.max_row_units(), controls.timing() == null ? 0 : controls.timing().max_ms());
        }
        return new SelectCheck(copy, tables, controls, untaggedOutputUses, syntax.units()).run();
    }

    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("line (\\d{1,6}), column (\\d{1,6})");

    /** The syntax error with the line and column where parsing stopped (the parser's message is not shown: it quotes the text). */
    private static StatementRefused syntaxError(JSQLParserException unparsable) {
        for (Throwable cause = unparsable; cause != null; cause = cause.getCause()) {
            java.util.regex.Matcher position = POSITION.matcher(String.valueOf(cause.getMessage()));
            if (position.find()) {
                return SQL_SYNTAX_AT.refused(Integer.parseInt(position.group(1)), Integer.parseInt(position.group(2)));
            }
        }
        return SQL_SYNTAX.refused();
    }

    /** Parses on a private thread (JSqlParser's time-out runs the parser on an executor) that ends with the call. */
    private static Statements parse(String sql) throws StatementRefused {
        ExecutorService parser = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "sql-guard-parser");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Statements statements = CCJSqlParserUtil.parseStatements(sql, parser, options -> options.withTimeOut(PARSE_TIMEOUT_MILLIS));
            if (statements == null) {
                throw SQL_SYNTAX.refused();
            }
            return statements;
        } catch (JSQLParserException unparsable) {
            throw syntaxError(unparsable); // its message quotes the statement: only the position is passed on
        } finally {
            parser.shutdownNow();
        }
    }
}
