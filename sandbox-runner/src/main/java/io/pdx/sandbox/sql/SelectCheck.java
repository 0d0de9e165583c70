package io.pdx.sandbox.sql;

import io.pdx.contracts.Grade;
import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.policy.ControlsResult;
import io.pdx.sandbox.sql.AggregateShape.ReleasedFilter;
import io.pdx.sandbox.sql.AggregateShape.ReleasedOrder;
import io.pdx.sandbox.sql.AggregateShape.ValueBounds;
import io.pdx.sandbox.sql.GuardedStatement.TableRef;
import io.pdx.sandbox.sql.Scope.SourceColumn;
import net.sf.jsqlparser.JSQLParserException;
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
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.math.BigDecimal;
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
import static io.pdx.sandbox.sql.Refusal.BOUNDS_NOT_DECLARED;
import static io.pdx.sandbox.sql.Refusal.COLUMN_USE_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.COUNT_DISTINCT_ENTITY_ONLY;
import static io.pdx.sandbox.sql.Refusal.DUPLICATE_OUTPUT_NAME;
import static io.pdx.sandbox.sql.Refusal.GROUP_BY_INVALID;
import static io.pdx.sandbox.sql.Refusal.HAVING_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.JOIN_KEY_IN_OUTPUT;
import static io.pdx.sandbox.sql.Refusal.JOIN_KEY_NOT_DECLARED;
import static io.pdx.sandbox.sql.Refusal.JOIN_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.NOISED_DATASETS_JOINED;
import static io.pdx.sandbox.sql.Refusal.NOT_GROUPED;
import static io.pdx.sandbox.sql.Refusal.ORDER_BY_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.ORDER_STATISTIC_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.OUTPUT_NAME_INVALID;
import static io.pdx.sandbox.sql.Refusal.OUTPUT_NAME_MISSING;
import static io.pdx.sandbox.sql.Refusal.RELEASED_CLAUSE_NOT_AN_OUTPUT;
import static io.pdx.sandbox.sql.Refusal.RESERVED_NAME;
import static io.pdx.sandbox.sql.Refusal.ROW_LEVEL_OUTPUT_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.SANDBOX_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.SELECT_STAR_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.UNTAGGED_OUTPUT_NOT_ALLOWED;

/**
 * Checks one supported SELECT (a {@link SupportedSyntax} copy) against the licensed columns and the grade's
 * output controls, rewriting it in place into the canonical statement: columns qualified, function names
 * lower case, every output with an explicit quoted alias, ORDER BY naming outputs by alias. Then it makes the
 * executable forms ({@link GuardedStatement}), in which no expression can fail on a value.
 *
 * <p>A row-level statement follows the grade's row-level column uses (no IDENTIFIER anywhere, no
 * QUASI_IDENTIFIER in the output); an aggregate statement the aggregate uses. Where the grade adds noise,
 * HAVING, ORDER BY and LIMIT are kept aside to act on the released values, SUM and AVG read only columns
 * with declared bounds, and COUNT(DISTINCT …) counts only the privacy unit.
 */
final class SelectCheck {

    private static final String SELECT = "SELECT";
    private static final String AGGREGATE = "AGGREGATE";
    private static final String GROUP_BY = "GROUP_BY";
    private static final String WHERE = "WHERE";
    private static final String JOIN = "JOIN";
    private static final String ENTITY_COUNT = "ENTITY_COUNT";
    private static final Set<String> ORDER_STATISTICS = Set.of("MIN", "MAX");

    private static final List<ColumnTag> STRICTEST_FIRST = List.of(
            ColumnTag.IDENTIFIER, ColumnTag.QUASI_IDENTIFIER, ColumnTag.SENSITIVE, ColumnTag.ATTRIBUTE, ColumnTag.METRIC);
    private static final Pattern OUTPUT_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]{0,62}");
    private static final String RESERVED_PREFIX = "__pdx";

    private final PlainSelect select;
    private final ControlsResult controls;
    private final Set<String> untaggedOutputUses;
    private final long costUnits;
    private final Scope scope;
    private final boolean noised;
    private final Set<String> joinKeys = new HashSet<>();
    /** Per dataset alias, the columns its ON conditions compare. */
    private final Map<String, Set<String>> joinColumns = new java.util.LinkedHashMap<>();
    private final List<String> groupKeys = new ArrayList<>();
    private final List<OutputColumn> output = new ArrayList<>();
    private final List<String> outputSql = new ArrayList<>();
    /** Per output: its aggregate call (null for a group key or a row-level column) and the bounds of its argument. */
    private final List<Function> aggregateCalls = new ArrayList<>();
    private final List<ValueBounds> argumentBounds = new ArrayList<>();
    private final List<ReleasedFilter> releasedHaving = new ArrayList<>();
    private final List<ReleasedOrder> releasedOrder = new ArrayList<>();
    private Map<String, List<String>> uses;
    /** Under noise: the reference (alias in the statement) of the dataset whose entity is the privacy unit. */
    private String privacyUnit;

    /** What an expression reads: its (resolved) columns and the aggregate calls inside it. */
    private record Reads(List<SourceColumn> columns, List<Function> aggregates) {
    }

    SelectCheck(PlainSelect select, Map<String, TableSchema> tables, ControlsResult controls, Set<String> untaggedOutputUses,
                long costUnits) {
        this.costUnits = costUnits;
        this.select = select;
        this.controls = controls;
        this.untaggedOutputUses = untaggedOutputUses;
        this.scope = new Scope(tables);
        this.noised = controls.differentiallyPrivate();
    }

    GuardedStatement run() throws StatementRefused {
        if (!controls.allowed()) {
            throw SANDBOX_NOT_ALLOWED.refused();
        }
        boolean aggregate = select.getGroupBy() != null || select.getHaving() != null
                || select.getSelectItems().stream().anyMatch(item -> containsAggregate(item.getExpression()));
        if (!aggregate && (!controls.row_level_output() || noised)) {
            throw ROW_LEVEL_OUTPUT_NOT_ALLOWED.refused();
        }
        uses = aggregate ? controls.column_uses() : controls.row_level_column_uses();
        scope.add((Table) select.getFromItem());
        for (Join join : select.getJoins() == null ? List.<Join>of() : select.getJoins()) {
            checkJoin(join);
        }
        if (noised) {
            requireOnePrivacyUnit();
        }
        checkWhere();
        checkGroupBy();
        expandStars(aggregate);
        for (SelectItem<?> item : select.getSelectItems()) {
            checkOutput(item, aggregate);
        }
        checkHaving();
        checkOrderBy(aggregate);
        return guarded(aggregate);
    }

    /** The canonical statement and, from the same tree made non-failing, its executable forms. */
    private GuardedStatement guarded(boolean aggregate) {
        String sql = select.toString();
        List<TableRef> tables = scope.tables().entrySet().stream()
                .map(entry -> new TableRef(entry.getKey(), entry.getValue().alias(), entry.getValue().entityColumn()))
                .toList();
        NonFailing.rewrite(select);
        List<SelectItem<?>> items = new ArrayList<>(select.getSelectItems());
        // k and the differencing check count the entities of the public datasets; an organization's own table has none
        List<TableRef> counted = tables.stream().filter(table -> table.entityColumn() != null).toList();
        if (!aggregate) {
            for (int i = 0; i < counted.size(); i++) {
                select.addSelectItems(hidden(entity(counted.get(i)), "__pdx_entity_" + i));
            }
            String executable = select.toString();
            select.setSelectItems(items);
            return new GuardedStatement(sql, scope.columnsByAlias(), output, false, tables, executable, executable, null, costUnits,
                    joinColumns);
        }
        AggregateShape shape = noised ? shape(counted) : null;
        SelectItem<?> rows = hidden(new Function("count", new AllColumns()), "__pdx_rows");
        select.addSelectItems(rows);
        String withRowCount = select.toString();
        select.setSelectItems(new ArrayList<>(items));
        for (int i = 0; i < counted.size(); i++) {
            Function distinct = new Function("count", entity(counted.get(i)));
            distinct.setDistinct(true);
            select.addSelectItems(hidden(distinct, "__pdx_entities_" + i));
        }
        select.addSelectItems(rows);
        for (int i = 0; i < counted.size(); i++) {
            select.addSelectItems(hidden(entityHashes(counted.get(i)), "__pdx_entity_hashes_" + i));
        }
        String executable = select.toString();
        select.setSelectItems(items);
        return new GuardedStatement(sql, scope.columnsByAlias(), output, true, tables, executable,
                tables.size() == 1 ? withRowCount : executable, shape, costUnits, joinColumns);
    }

    /**
     * The statement taken apart for differentially private execution (from the non-failing tree). Its privacy unit is
     * the entity of the one public dataset of the strictest grade read (the grade that decided the noise); the other
     * public datasets it joins are counted for k by their own noisy thresholds, and own tables have no entity.
     */
    private AggregateShape shape(List<TableRef> counted) {
        TableRef table = counted.stream().filter(ref -> ref.ref().equals(privacyUnit)).findFirst().orElseThrow();
        List<String> joinedEntities = counted.stream().filter(other -> other != table).map(other -> entity(other).toString()).toList();
        List<AggregateShape.Output> outputs = new ArrayList<>();
        for (int i = 0; i < output.size(); i++) {
            Function call = aggregateCalls.get(i);
            if (call == null) {
                outputs.add(new AggregateShape.Output(output.get(i).name(), groupKeys.indexOf(outputSql.get(i)), null, null, null));
                continue;
            }
            String kind = output.get(i).aggregate();
            Object parameter = call.getParameters() == null || call.getParameters().isEmpty() ? null : call.getParameters().get(0);
            String argument = parameter == null || parameter instanceof AllColumns || ENTITY_COUNT.equals(output.get(i).use())
                    ? null : parameter.toString();
            outputs.add(new AggregateShape.Output(output.get(i).name(), -1, kind, argument, argumentBounds.get(i)));
        }
        List<String> keys = new ArrayList<>();
        if (select.getGroupBy() != null) {
            for (Object key : select.getGroupBy().getGroupByExpressions()) {
                keys.add(key.toString());
            }
        }
        StringBuilder from = new StringBuilder(select.getFromItem().toString());
        for (Join join : select.getJoins() == null ? List.<Join>of() : select.getJoins()) {
            from.append(' ').append(join);
        }
        return new AggregateShape(from.toString(), select.getWhere() == null ? null : select.getWhere().toString(),
                entity(table).toString(), joinedEntities, keys, outputs, releasedHaving, releasedOrder,
                select.getLimit() == null ? null : ((LongValue) select.getLimit().getRowCount()).getValue(),
                select.getOffset() == null ? null : ((LongValue) select.getOffset().getOffset()).getValue());
    }

    /**
     * The distinct 64-bit hashes of a table's entities in a group ({@code UBIGINT[]}), for the differencing check: read
     * by the output control, never written to a result. NULL entities are not entities (as in {@code count(DISTINCT)}).
     */
    private static Expression entityHashes(TableRef table) {
        String entity = entity(table).toString();
        try {
            return CCJSqlParserUtil.parseExpression("list(DISTINCT hash(" + entity + ")) FILTER (WHERE " + entity + " IS NOT NULL)");
        } catch (JSQLParserException unparsable) {
            throw new IllegalStateException("the entity hash list of a validated column parses", unparsable);
        }
    }

    private static Column entity(TableRef table) {
        return new Column(new Table(table.ref()), table.entityColumn());
    }

    private static SelectItem<?> hidden(Expression expression, String name) {
        return new SelectItem<>(expression, new Alias(quoted(name), true));
    }

    /**
     * Under noise the privacy unit is the entity of one dataset: a statement reading two public datasets of the strictest
     * grade it reads is refused, naming them.
     */
    private void requireOnePrivacyUnit() throws StatementRefused {
        Grade strictest = scope.tables().values().stream().filter(table -> table.entityColumn() != null).map(TableSchema::grade)
                .max(Grade::compareTo).orElse(null);
        List<String> units = scope.tables().entrySet().stream()
                .filter(entry -> entry.getValue().entityColumn() != null && entry.getValue().grade() == strictest)
                .map(Map.Entry::getKey).toList();
        if (units.size() > 1) {
            throw NOISED_DATASETS_JOINED.refused(units.stream().map(ref -> scope.tables().get(ref).alias()).distinct()
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        privacyUnit = units.isEmpty() ? null : units.get(0);
    }

    /**
     * An allowed join kind with another dataset, ON a conjunction of column = column between the new table and
     * the ones before it, each a declared join key of the same domain and type in both datasets.
     */
    private void checkJoin(Join join) throws StatementRefused {
        String kind = join.isLeft() ? "LEFT" : join.isRight() ? "RIGHT" : join.isFull() ? "FULL" : "INNER";
        if (!controls.joins().contains(kind)) {
            throw JOIN_NOT_ALLOWED.refused();
        }
        String joined = scope.add((Table) join.getFromItem());
        boolean connected = false;
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
            connected |= a.ref().equals(joined) || b.ref().equals(joined);
            for (SourceColumn key : List.of(a, b)) {
                requireUse(key, JOIN);
                if (key.spec().joinKey() == null) {
                    throw JOIN_KEY_NOT_DECLARED.refused(key.name());
                }
                joinKeys.add(key.sql());
                joinColumns.computeIfAbsent(scope.table(key.ref()).alias(), alias -> new java.util.TreeSet<>()).add(key.name());
            }
            if (!a.spec().joinKey().equals(b.spec().joinKey()) || a.spec().type() == null
                    || !a.spec().type().equalsIgnoreCase(String.valueOf(b.spec().type()))) {
                throw JOIN_KEY_NOT_DECLARED.refused(b.name());
            }
        }
        if (!connected) {
            throw JOIN_NOT_ALLOWED.refused();
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
            for (Column column : scope.starColumns(ref)) {
                ColumnTag tag = scope.table(column.getTable().getName()).columns().get(column.getColumnName()).tag();
                if (uses.getOrDefault(tag.name(), List.of()).contains(SELECT)) {
                    items.add(new SelectItem<>(column)); // * means the columns a row-level output may show
                }
            }
        }
        if (items.isEmpty()) {
            throw SELECT_STAR_NOT_ALLOWED.refused();
        }
        select.setSelectItems(items);
    }

    private void checkOutput(SelectItem<?> item, boolean aggregate) throws StatementRefused {
        Expression expression = item.getExpression();
        String aggregateKind = null;
        String use;
        List<SourceColumn> columns;
        ValueBounds bounds = null;
        if (isAggregate(expression)) {
            Function call = (Function) expression;
            Reads reads = reads(expression);
            aggregateKind = aggregateKind(call, reads);
            columns = reads.columns();
            use = countsEntities(call, reads) ? ENTITY_COUNT : AGGREGATE;
            bounds = boundsOf(aggregateKind, columns);
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
        aggregateCalls.add(aggregateKind == null ? null : (Function) expression);
        argumentBounds.add(bounds);
    }

    /**
     * Where the grade adds noise, a SUM or AVG is clamped to declared bounds: the hull of the bounded columns its
     * argument reads, on the finest of their grids. None declared: refused (sensitivity never comes from the data).
     */
    private ValueBounds boundsOf(String aggregateKind, List<SourceColumn> columns) throws StatementRefused {
        if (!noised || !("SUM".equals(aggregateKind) || "AVG".equals(aggregateKind))) {
            return null;
        }
        List<ColumnSpec> bounded = columns.stream().map(SourceColumn::spec).filter(ColumnSpec::bounded).toList();
        if (bounded.isEmpty()) {
            String example = scope.tables().values().stream().flatMap(table -> table.columns().values().stream())
                    .filter(ColumnSpec::bounded).map(ColumnSpec::name).findFirst().orElse("—");
            throw BOUNDS_NOT_DECLARED.refused(example);
        }
        BigDecimal lower = bounded.stream().map(ColumnSpec::lower).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal upper = bounded.stream().map(ColumnSpec::upper).max(BigDecimal::compareTo).orElseThrow();
        BigDecimal granularity = bounded.stream().map(ColumnSpec::granularity).min(BigDecimal::compareTo).orElseThrow();
        return new ValueBounds(lower, upper, granularity);
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

    /**
     * Only {@code aggregate >= constant} or {@code aggregate > constant}, combined with AND. Where the grade adds
     * noise, each aggregate must be one of the outputs: the condition is applied to its released value.
     */
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
            Reads reads = reads(left);
            aggregateKind((Function) left, reads);
            if (noised) {
                int index = outputSql.indexOf(left.toString());
                if (index < 0 || aggregateCalls.get(index) == null) {
                    throw RELEASED_CLAUSE_NOT_AN_OUTPUT.refused();
                }
                releasedHaving.add(new ReleasedFilter(index, condition instanceof GreaterThanEquals, new BigDecimal(right.toString())));
            }
        }
    }

    /**
     * ORDER BY names an output (by name, position or expression), or in an aggregate query without noise a group
     * key. Where the grade adds noise, only outputs: the order is that of the released values.
     */
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
                    if (noised) {
                        throw RELEASED_CLAUSE_NOT_AN_OUTPUT.refused();
                    }
                    continue;
                }
            }
            if (index < 0) {
                throw ORDER_BY_NOT_ALLOWED.refused();
            }
            element.setExpression(new Column(quoted(output.get(index).name())));
            releasedOrder.add(new ReleasedOrder(index, element.isAsc(),
                    element.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST));
        }
    }

    /**
     * The kind of an aggregate call ({@code COUNT_DISTINCT} for count(DISTINCT x)), with its columns' uses checked:
     * count(DISTINCT entity) is the ENTITY_COUNT use of the privacy unit (under noise: of the dataset whose entity it is),
     * every other aggregate the AGGREGATE use;
     * order statistics of the tags the policy protects are refused.
     */
    private String aggregateKind(Function call, Reads reads) throws StatementRefused {
        if (reads.aggregates().size() != 1) {
            throw AGGREGATE_MISPLACED.refused();
        }
        String kind = call.getName().toUpperCase(Locale.ROOT) + (call.isDistinct() ? "_DISTINCT" : "");
        if (countsEntities(call, reads)) {
            requireUse(reads.columns(), ENTITY_COUNT);
        } else {
            if (noised && "COUNT_DISTINCT".equals(kind)) {
                throw COUNT_DISTINCT_ENTITY_ONLY.refused(scope.tables().get(privacyUnit).entityColumn());
            }
            requireUse(reads.columns(), AGGREGATE);
        }
        if (!controls.aggregates().contains(kind)) {
            throw AGGREGATE_NOT_ALLOWED.refused(kind, String.join(", ", controls.aggregates()));
        }
        if (ORDER_STATISTICS.contains(kind)) {
            for (SourceColumn column : reads.columns()) {
                if (controls.order_statistics_refused().contains(column.tag().name())) {
                    throw ORDER_STATISTIC_NOT_ALLOWED.refused(column.name(), column.tag().name());
                }
            }
        }
        return kind;
    }

    /** {@code count(DISTINCT t.entity)}: the number of distinct privacy units. */
    private boolean countsEntities(Function call, Reads reads) {
        return call.isDistinct() && "count".equalsIgnoreCase(call.getName()) && reads.columns().size() == 1
                && call.getParameters() != null && call.getParameters().size() == 1
                && call.getParameters().get(0) instanceof Column
                && reads.columns().get(0).name().equals(scope.table(reads.columns().get(0).ref()).entityColumn())
                && (!noised || reads.columns().get(0).ref().equals(privacyUnit));
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
        List<String> allowed = uses.getOrDefault(column.tag().name(), List.of());
        if (!allowed.contains(use)) {
            throw COLUMN_USE_NOT_ALLOWED.refused(column.name(), column.tag().name(), use,
                    allowed.isEmpty() ? "—" : String.join(", ", allowed));
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

    static boolean isAggregate(Expression expression) {
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
