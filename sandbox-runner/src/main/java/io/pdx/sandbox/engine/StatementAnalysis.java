package io.pdx.sandbox.engine;

import io.pdx.sandbox.engine.tables.OwnTables;
import io.pdx.contracts.policy.ControlsResult;
import io.pdx.contracts.policy.SandboxReleaseInput.OutputColumn;
import io.pdx.contracts.runner.Analysis;
import io.pdx.contracts.runner.SandboxDataset;
import io.pdx.sandbox.engine.duckdb.TableSizes;
import io.pdx.sandbox.sql.DuckDbSecondOpinion;
import io.pdx.sandbox.sql.GuardedStatement;
import io.pdx.sandbox.sql.StatementGuard;
import io.pdx.sandbox.sql.StatementRefused;
import io.pdx.sandbox.sql.TableSchema;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
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
    private final TableSizes sizes;
    private final OwnTables ownTables;

    @jakarta.inject.Inject
    public StatementAnalysis(SandboxPolicy policy, TableSizes sizes, OwnTables ownTables,
                             @ConfigProperty(name = "pdx.sandbox.recent-check-ttl", defaultValue = "PT10S") Duration recentCheckTtl)
            throws SQLException {
        this.secondOpinion = new DuckDbSecondOpinion();
        this.policy = policy;
        this.recent = new RecentChecks(recentCheckTtl);
        this.sizes = sizes;
        this.ownTables = ownTables;
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
        if (datasets.stream().allMatch(SandboxDataset::owned)) { // before the policy is asked for controls of no grade
            throw new RunFailure("public_dataset_required", 422, "作业须读取至少一个公共数据集：自有数据只能与授权的公共数据联合分析",
                    "A job reads at least one public dataset: an organization's own tables are joined with licensed public data");
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
            if (dataset.owned()) {
                if (dataset.alias() == null || dataset.columns().stream().anyMatch(column -> column.tag() == null)) {
                    throw new RunFailure("table_not_confirmed", 409, "自有数据表的列尚未确认标签", "The own table's columns are not confirmed (tagged) yet");
                }
                // tagged by its organization; its grade stands for nothing (the controls are the public data's)
                tables.put(dataset.alias().toLowerCase(Locale.ROOT),
                        TableSchema.of(dataset.alias(), io.pdx.contracts.Grade.GENERAL, null, dataset.columns()));
                continue;
            }
            if (dataset.entityColumn() == null || dataset.alias() == null) {
                throw new RunFailure("entity_column_missing", 409, "数据集未声明个人或实体标识字段，无法计算k匿名",
                        "The dataset declares no person or entity column, so k cannot be counted");
            }
            tables.put(dataset.alias().toLowerCase(Locale.ROOT),
                    TableSchema.of(dataset.alias(), dataset.grade(), dataset.entityColumn(), dataset.columns()));
        }
        try {
            GuardedStatement statement = guard.check(sql, tables, controls, Set.copyOf(untaggedOutputUses));
            if (statement.countedTables().isEmpty()) { // it names a public dataset but reads only the organization's own tables
                throw new RunFailure("public_dataset_required", 422,
                        "作业须读取至少一个公共数据集：自有数据只能与授权的公共数据联合分析",
                        "A job reads at least one public dataset: an organization's own tables are joined with licensed public data");
            }
            secondOpinion.confirm(statement.sql(), tables.keySet());
            for (SandboxDataset dataset : datasets) { // an own table's key repeats no value: no fan-out its owner picks
                if (dataset.owned() && ownTables != null) {
                    ownTables.requireUniqueKey(dataset, statement.joinColumnsByAlias().getOrDefault(dataset.alias(), Set.of()));
                }
            }
            return statement;
        } catch (StatementRefused refused) {
            throw new RunFailure(refused.code(), 422, refused.messageZh(), refused.messageEn());
        }
    }

    public Analysis analyse(String sql, List<SandboxDataset> datasets) throws RunFailure {
        Checked checked = check(sql, datasets);
        GuardedStatement statement = checked.statement();
        long slot = slotMillis(checked, datasets);
        Map<String, List<String>> columns = new TreeMap<>();
        statement.columnsByAlias().forEach((alias, names) -> columns.put(alias, names.stream().sorted().toList()));
        return new Analysis(statement.sql(), statement.hash(), columns, outputColumns(statement), statement.aggregate(),
                checked.controls(), slot);
    }

    /**
     * The job's slot from the statement's cost units and the rows of the tables it reads (their footers; no value is
     * read); a statement whose slot would pass the grade's longest is refused before it runs.
     */
    long slotMillis(Checked checked, List<SandboxDataset> datasets) throws RunFailure {
        ControlsResult.Timing timing = checked.controls().timing();
        if (timing == null) {
            throw new RunFailure("timing_missing", 503, "沙箱时间片配置缺失，作业未运行", "The sandbox has no slot settings; nothing was run");
        }
        long rows = 0;
        for (SandboxDataset dataset : datasets) {
            try {
                rows = Math.addExact(rows, sizes.rowsOf(dataset));
            } catch (SQLException | IOException unreadable) {
                throw new RunFailure("data_unavailable", 503, "数据暂不可用，作业未运行", "The data is not available; nothing was run");
            }
        }
        long slot = timing.slotMillis(rows, checked.statement().costUnits());
        if (slot > timing.max_ms()) {
            throw new RunFailure("statement_too_costly", 422,
                    "语句在该数据规模上的时间片（" + slot + " 毫秒）超过上限 " + timing.max_ms() + " 毫秒；请简化表达式或缩小数据范围",
                    "The statement's slot on data of this size (" + slot + " ms) exceeds the limit of " + timing.max_ms()
                            + " ms; simplify its expressions");
        }
        return slot;
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
