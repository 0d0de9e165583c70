package io.pdx.sandbox.sql;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.policy.ControlsResult;
import io.pdx.sandbox.sql.Scope.SourceColumn;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.pdx.sandbox.sql.Refusal.AGGREGATE_MISPLACED;
import static io.pdx.sandbox.sql.Refusal.AGGREGATE_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.COLUMN_USE_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.DUPLICATE_OUTPUT_NAME;
import static io.pdx.sandbox.sql.Refusal.GROUP_BY_INVALID;
import static io.pdx.sandbox.sql.Refusal.HAVING_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.JOIN_KEY_IN_OUTPUT;
import static io.pdx.sandbox.sql.Refusal.JOIN_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.NOT_GROUPED;
import static io.pdx.sandbox.sql.Refusal.ORDER_BY_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.OUTPUT_NAME_INVALID;
import static io.pdx.sandbox.sql.Refusal.OUTPUT_NAME_MISSING;
import static io.pdx.sandbox.sql.Refusal.RESERVED_NAME;
import static io.pdx.sandbox.sql.Refusal.ROW_LEVEL_OUTPUT_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.SANDBOX_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.SELECT_STAR_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.UNTAGGED_OUTPUT_NOT_ALLOWED;

/**
 * Checks one supported SELECT (a {@link SupportedSyntax} copy) against the licensed columns and the grade's
 * output controls, rewriting it in place into the statement that runs: columns qualified, function names
 * lower case, every output with an explicit quoted alias, ORDER BY naming outputs by alias.
 */
final class SelectCheck {

    private static final String SELECT = "SELECT";
    private static final String AGGREGATE = "AGGREGATE";
    private static final String GROUP_BY = "GROUP_BY";
    private static final String WHERE = "WHERE";
    private static final String JOIN = "JOIN";

    private static final List<ColumnTag> STRICTEST_FIRST = List.of(
            ColumnTag.IDENTIFIER, ColumnTag.QUASI_IDENTIFIER, ColumnTag.SENSITIVE, ColumnTag.ATTRIBUTE, ColumnTag.METRIC);
    private static final Pattern OUTPUT_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]{0,62}");
    private static final String RESERVED_PREFIX = "__pdx";

    private final PlainSelect select;
    private final ControlsResult controls;
    private final Set<String> untaggedOutputUses;
    private final Scope scope;
    private final Set<String> joinKeys = new HashSet<>();
    private final Set<String> groupKeys = new HashSet<>();
    private final List<OutputColumn> output = new ArrayList<>();
    private final List<String> outputSql = new ArrayList<>();

    /** What an expression reads: its (resolved) columns and the aggregate calls inside it. */
    private record Reads(List<SourceColumn> columns, List<Function> aggregates) {
    }

    SelectCheck(PlainSelect select, Map<String, TableSchema> tables, ControlsResult controls, Set<String> untaggedOutputUses) {
        this.select = select;
        this.controls = controls;
        this.untaggedOutputUses = untaggedOutputUses;
        this.scope = new Scope(tables);
    }

    GuardedStatement run() throws StatementRefused {
        if (!controls.allowed()) {
            throw SANDBOX_NOT_ALLOWED.refused();
        }
        String fromRef = scope.add((Table) select.getFromItem());
        for (Join join : select.getJoins() == null ? List.<Join>of() : select.getJoins()) {
            checkJoin(join);
        }
        checkWhere();
        checkGroupBy();
        boolean aggregate = select.getGroupBy() != null || select.getHaving() != null
                || select.getSelectItems().stream().anyMatch(item -> containsAggregate(item.getExpression()));
        expandStars(aggregate);
        if (!aggregate && !controls.row_level_output()) {
            throw ROW_LEVEL_OUTPUT_NOT_ALLOWED.refused();
        }
        for (SelectItem<?> item : select.getSelectItems()) {
            checkOutput(item, aggregate);
        }
        checkHaving();
        checkOrderBy(aggregate);
        return guarded(fromRef, aggregate);
    }

    /** The regenerated statement; an aggregate one also with its hidden columns for the output controls. */
    private GuardedStatement guarded(String fromRef, boolean aggregate) {
        String sql = select.toString();
        boolean joined = select.getJoins() != null && !select.getJoins().isEmpty();
        if (!aggregate) {
            return new GuardedStatement(sql, scope.columnsByAlias(), output, false, null, sql, sql, joined);
        }
        Column entity = new Column(new Table(fromRef), scope.table(fromRef).entityColumn());
        Function distinctEntities = new Function("count", entity);
        distinctEntities.setDistinct(true);
        SelectItem<?> entities = new SelectItem<>(distinctEntities, new Alias(quoted("__pdx_entities"), true));
        SelectItem<?> rows = new SelectItem<>(new Function("count", new AllColumns()), new Alias(quoted("__pdx_rows"), true));
        List<SelectItem<?>> items = new ArrayList<>(select.getSelectItems());
        List<SelectItem<?>> bounds = contributionBounds(items);
        select.addSelectItems(rows);
        bounds.forEach(select::addSelectItems);
        String sqlWithRowCount = select.toString();
        select.setSelectItems(new ArrayList<>(items));
        select.addSelectItems(entities, rows);
        bounds.forEach(select::addSelectItems);
        return new GuardedStatement(sql, scope.columnsByAlias(), output, true, entity.toString(), select.toString(),
                sqlWithRowCount, joined);
    }

    /**
     * For each SUM or AVG output, {@code max(abs(<argument>)) AS "__pdx_bound_<name>"}: the largest
     * contribution of one row in its group, the sensitivity its noise is scaled to. None where the
     * grade adds no noise: there it would be a second pass over every summed value for nothing
     * (a third of the run of a SUM over ten million rows).
     */
    private List<SelectItem<?>> contributionBounds(List<SelectItem<?>> items) {
        List<SelectItem<?>> bounds = new ArrayList<>();
        if (controls.noise() == null) {
            return bounds;
        }
        for (int index = 0; index < items.size(); index++) {
            if (items.get(index).getExpression() instanceof Function call
                    && List.of("sum", "avg").contains(call.getName().toLowerCase(Locale.ROOT))
                    && call.getParameters() != null && call.getParameters().size() == 1) {
                Expression argument = (Expression) call.getParameters().get(0);
                Function largest = new Function("max", new Function("abs", argument));
                bounds.add(new SelectItem<>(largest, new Alias(quoted("__pdx_bound_" + output.get(index).name()), true)));
            }
        }
        return bounds;
    }

    /** An allowed join kind, ON a conjunction of column = column between two different tables. */
    private void checkJoin(Join join) throws StatementRefused {
        String kind = join.isLeft() ? "LEFT" : join.isRight() ? "RIGHT" : join.isFull() ? "FULL" : "INNER";
        if (!controls.joins().contains(kind)) {
            throw JOIN_NOT_ALLOWED.refused();
        }
        scope.add((Table) join.getFromItem());
        for (Expression condition : conjuncts(join.getOnExpressions().iterator().next())) {
            if (!(condition instanceof EqualsTo equals
                    && equals.getLeftExpression() instanceof Column left
                    && equals.getRightExpression() instanceof Column right)) {
                throw JOIN_NOT_ALLOWED.refused();
            }
            SourceColumn a = scope.resolve(left);
            SourceColumn b = scope.resolve(right);
            if (a.ref().equals(b.ref())) {
                throw JOIN_NOT_ALLOWED.refused();
            }
            for (SourceColumn key : List.of(a, b)) {
                requireUse(key, JOIN);
                joinKeys.add(key.sql());
            }
        }
    }

    private void checkWhere() throws StatementRefused {
        if (select.getWhere() != null) {
            requireUse(scalar(select.getWhere()), WHERE);
        }
    }

    private void checkGroupBy() throws StatementRefused {
        if (select.getGroupBy() == null) {
            return;
        }
        @SuppressWarnings("unchecked") // GroupByElement returns a raw ExpressionList
        List<Expression> keys = select.getGroupBy().getGroupByExpressions();
        for (Expression key : keys) {
            if (key instanceof LongValue) {
                throw GROUP_BY_INVALID.refused();
            }
            List<SourceColumn> columns = scalar(key);
            if (columns.isEmpty()) {
                throw GROUP_BY_INVALID.refused();
            }
            requireUse(columns, GROUP_BY);
            groupKeys.add(key.toString());
        }
    }

    /** Replaces {@code *} and {@code t.*} by the licensed columns, where row-level output is allowed. */
    private void expandStars(boolean aggregate) throws StatementRefused {
        List<SelectItem<?>> items = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            if (!(item.getExpression() instanceof AllColumns star)) {
                items.add(item);
                continue;
            }
            if (aggregate || !controls.row_level_output()) {
                throw SELECT_STAR_NOT_ALLOWED.refused();
            }
            String ref = star instanceof AllTableColumns tableStar
                    ? Scope.unquote(tableStar.getTable().getName()).toLowerCase(Locale.ROOT) : null;
            scope.starColumns(ref).forEach(column -> items.add(new SelectItem<>(column)));
        }
        select.setSelectItems(items);
    }

    private void checkOutput(SelectItem<?> item, boolean aggregate) throws StatementRefused {
        Expression expression = item.getExpression();
        String aggregateKind = null;
        String use;
        List<SourceColumn> columns;
        if (isAggregate(expression)) {
            Reads reads = reads(expression);
            aggregateKind = aggregateKind((Function) expression, reads);
            columns = reads.columns();
            use = AGGREGATE;
        } else {
            columns = scalar(expression);
            use = !aggregate ? SELECT : GROUP_BY;
            if (aggregate && !groupKeys.contains(expression.toString())) {
                throw NOT_GROUPED.refused();
            }
            requireUse(columns, use);
        }
        if (!controls.join_keys_in_output()) {
            for (SourceColumn column : columns) {
                if (joinKeys.contains(column.sql())) {
                    throw JOIN_KEY_IN_OUTPUT.refused(column.name());
                }
            }
        }
        ColumnTag tag = columns.stream().map(SourceColumn::tag).min(Comparator.comparingInt(STRICTEST_FIRST::indexOf)).orElse(null);
        if (tag == null && !untaggedOutputUses.contains(use)) {
            throw UNTAGGED_OUTPUT_NOT_ALLOWED.refused(String.join(", ", untaggedOutputUses));
        }
        String name = outputName(item, expression, aggregateKind);
        item.setAlias(new Alias(quoted(name), true));
        output.add(new OutputColumn(name, tag, use, aggregateKind));
        outputSql.add(expression.toString());
    }

    private String outputName(SelectItem<?> item, Expression expression, String aggregateKind) throws StatementRefused {
        String name;
        if (item.getAlias() != null) {
            name = Scope.unquote(item.getAlias().getName());
        } else if (expression instanceof Column column) {
            name = column.getColumnName();
        } else if (aggregateKind != null) {
            name = aggregateKind.toLowerCase(Locale.ROOT);
        } else {
            throw OUTPUT_NAME_MISSING.refused();
        }
        if (name.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX)) {
            throw RESERVED_NAME.refused();
        }
        if (!OUTPUT_NAME.matcher(name).matches()) {
            throw OUTPUT_NAME_INVALID.refused();
        }
        if (outputIndex(name) >= 0) {
            throw DUPLICATE_OUTPUT_NAME.refused();
        }
        return name;
    }

    /** Only {@code aggregate >= constant} or {@code aggregate > constant}, combined with AND. */
    private void checkHaving() throws StatementRefused {
        if (select.getHaving() == null) {
            return;
        }
        for (Expression condition : conjuncts(select.getHaving())) {
            if (!(condition instanceof GreaterThan || condition instanceof GreaterThanEquals)) {
                throw HAVING_NOT_ALLOWED.refused();
            }
            BinaryExpression comparison = (BinaryExpression) condition;
            Expression left = comparison.getLeftExpression();
            Expression right = comparison.getRightExpression();
            if (!isAggregate(left) || !(right instanceof LongValue || right instanceof DoubleValue)) {
                throw HAVING_NOT_ALLOWED.refused();
            }
            aggregateKind((Function) left, reads(left));
        }
    }

    /** ORDER BY names an output (by name, position or expression), or in an aggregate query a group key. */
    private void checkOrderBy(boolean aggregate) throws StatementRefused {
        if (select.getOrderByElements() == null) {
            return;
        }
        for (OrderByElement element : select.getOrderByElements()) {
            Expression expression = element.getExpression();
            int index;
            if (expression instanceof LongValue position) {
                index = position.getValue() >= 1 && position.getValue() <= output.size() ? (int) position.getValue() - 1 : -1;
            } else if (expression instanceof Column column && Scope.isUnqualified(column) && outputIndex(Scope.unquote(column.getColumnName())) >= 0) {
                index = outputIndex(Scope.unquote(column.getColumnName()));
            } else {
                reads(expression);
                index = outputSql.indexOf(expression.toString());
                if (index < 0 && aggregate && groupKeys.contains(expression.toString())) {
                    continue;
                }
            }
            if (index < 0) {
                throw ORDER_BY_NOT_ALLOWED.refused();
            }
            element.setExpression(new Column(quoted(output.get(index).name())));
        }
    }

    /** The kind of an aggregate call ({@code COUNT_DISTINCT} for count(DISTINCT x)), with its columns' AGGREGATE use checked. */
    private String aggregateKind(Function call, Reads reads) throws StatementRefused {
        if (reads.aggregates().size() != 1) {
            throw AGGREGATE_MISPLACED.refused();
        }
        requireUse(reads.columns(), AGGREGATE);
        String kind = call.getName().toUpperCase(Locale.ROOT) + (call.isDistinct() ? "_DISTINCT" : "");
        if (!controls.aggregates().contains(kind)) {
            throw AGGREGATE_NOT_ALLOWED.refused(kind);
        }
        return kind;
    }

    /** The columns of an expression that must not contain aggregates. */
    private List<SourceColumn> scalar(Expression expression) throws StatementRefused {
        Reads reads = reads(expression);
        if (!reads.aggregates().isEmpty()) {
            throw AGGREGATE_MISPLACED.refused();
        }
        return reads.columns();
    }

    /** Resolves the columns of an expression and lower-cases its function names, in place. */
    private Reads reads(Expression expression) throws StatementRefused {
        ExpressionScan scan = ExpressionScan.of(expression);
        List<SourceColumn> columns = new ArrayList<>();
        for (Column column : scan.columns) {
            columns.add(scope.resolve(column));
        }
        scan.functions.forEach(function -> function.setName(function.getName().toLowerCase(Locale.ROOT)));
        return new Reads(columns, scan.functions.stream().filter(SelectCheck::isAggregate).toList());
    }

    private void requireUse(List<SourceColumn> columns, String use) throws StatementRefused {
        for (SourceColumn column : columns) {
            requireUse(column, use);
        }
    }

    private void requireUse(SourceColumn column, String use) throws StatementRefused {
        if (!controls.column_uses().getOrDefault(column.tag().name(), List.of()).contains(use)) {
            throw COLUMN_USE_NOT_ALLOWED.refused(column.name(), column.tag().name(), use);
        }
    }

    private int outputIndex(String name) {
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean containsAggregate(Expression expression) {
        return ExpressionScan.of(expression).functions.stream().anyMatch(SelectCheck::isAggregate);
    }

    private static boolean isAggregate(Expression expression) {
        return expression instanceof Function function && SupportedExpressions.AGGREGATES.contains(function.getName().toLowerCase(Locale.ROOT));
    }

    /** The conditions of a conjunction, looking through parentheses. */
    private static List<Expression> conjuncts(Expression expression) {
        if (expression instanceof ParenthesedExpressionList<?> parenthesed && parenthesed.size() == 1) {
            return conjuncts(parenthesed.get(0));
        }
        if (expression instanceof AndExpression and) {
            List<Expression> conditions = new ArrayList<>(conjuncts(and.getLeftExpression()));
            conditions.addAll(conjuncts(and.getRightExpression()));
            return conditions;
        }
        return List.of(expression);
    }

    private static String quoted(String name) {
        return '"' + name + '"';
    }
}
