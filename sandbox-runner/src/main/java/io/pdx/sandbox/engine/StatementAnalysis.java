package io.pdx.sandbox.engine;

import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.SandboxReleaseInput.OutputColumn;
import io.pdx.contracts.runner.Analysis;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.sandbox.sql.DuckDbSecondOpinion;
import io.pdx.sandbox.sql.GuardedStatement;
import io.pdx.sandbox.sql.StatementGuard;
import io.pdx.sandbox.sql.StatementRefused;
import io.pdx.sandbox.sql.TableSchema;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The static analysis of a statement: the SQL guard (JSqlParser) against the licensed columns and
 * the grade's controls, then DuckDB's own parser as a second opinion on what the guard
 * regenerated. Nothing runs unless both agree. A job's run reuses the verdict its submission got a
 * moment before ({@code pdx.sandbox.recent-check-ttl}, 10 s).
 */
@ApplicationScoped
public class StatementAnalysis {

    private final StatementGuard guard = new StatementGuard();
    private final DuckDbSecondOpinion secondOpinion;
    private final SandboxPolicy policy;
    private final RecentChecks recent;

    public StatementAnalysis(SandboxPolicy policy,
                             @ConfigProperty(name = "pdx.sandbox.recent-check-ttl", defaultValue = "PT10S") Duration recentCheckTtl)
            throws SQLException {
        this.secondOpinion = new DuckDbSecondOpinion();
        this.policy = policy;
        this.recent = new RecentChecks(recentCheckTtl);
    }

    /** A checked statement with the controls it was checked against (asked of OPA). Blocking. */
    public record Checked(GuardedStatement statement, ControlsResult controls) {
    }

    /** The statement checked now, or a moment ago with the same datasets ({@link RecentChecks}). */
    public Checked check(String sql, List<SandboxDataset> datasets) throws RunFailure {
        String key = datasets + "\n" + sql;
        Checked known = recent.get(key);
        if (known != null) {
            return known;
        }
        SandboxPolicy.Controls controls = policy.controlsFor(datasets);
        Checked checked = new Checked(check(sql, datasets, controls.controls(), controls.untaggedOutputUses()),
                controls.controls());
        recent.put(key, checked);
        return checked;
    }

    private GuardedStatement check(String sql, List<SandboxDataset> datasets, ControlsResult controls,
                                   List<String> untaggedOutputUses) throws RunFailure {
        if (controls == null || !controls.allowed()) {
            throw new RunFailure("core_never_processed", 403, "核心数据不得在沙箱中处理或输出",
                    "Core data is never processed or released");
        }
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        for (SandboxDataset dataset : datasets) {
            if (dataset.entityColumn() == null || dataset.alias() == null) {
                throw new RunFailure("entity_column_missing", 409, "数据集未声明个人或实体标识字段，无法计算k匿名",
                        "The dataset declares no person or entity column, so k cannot be counted");
            }
            tables.put(dataset.alias().toLowerCase(Locale.ROOT),
                    TableSchema.of(dataset.alias(), dataset.grade(), dataset.entityColumn(), dataset.columns()));
        }
        try {
            GuardedStatement statement = guard.check(sql, tables, controls, Set.copyOf(untaggedOutputUses));
            secondOpinion.confirm(statement.sql(), tables.keySet());
            return statement;
        } catch (StatementRefused refused) {
            throw new RunFailure(refused.code(), 422, refused.messageZh(), refused.messageEn());
        }
    }

    public Analysis analyse(String sql, List<SandboxDataset> datasets) throws RunFailure {
        Checked checked = check(sql, datasets);
        GuardedStatement statement = checked.statement();
        Map<String, List<String>> columns = new TreeMap<>();
        statement.columnsByAlias().forEach((alias, names) -> columns.put(alias, names.stream().sorted().toList()));
        return new Analysis(statement.sql(), statement.hash(), columns, outputColumns(statement), statement.aggregate(),
                checked.controls());
    }

    static List<OutputColumn> outputColumns(GuardedStatement statement) {
        return statement.output().stream()
                .map(column -> new OutputColumn(column.name(), column.tag() == null ? null : column.tag().name(),
                        column.use(), column.aggregate()))
                .toList();
    }

    @PreDestroy
    void close() {
        secondOpinion.close();
    }
}
