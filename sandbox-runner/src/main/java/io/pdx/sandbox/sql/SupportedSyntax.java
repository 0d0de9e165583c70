package io.pdx.sandbox.sql;

import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;

import java.util.ArrayList;
import java.util.List;

import static io.pdx.sandbox.sql.Refusal.CLAUSE_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.CTE_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.FROM_REQUIRED;
import static io.pdx.sandbox.sql.Refusal.JOIN_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.LIMIT_INVALID;
import static io.pdx.sandbox.sql.Refusal.SELECT_ONLY;
import static io.pdx.sandbox.sql.Refusal.SET_OPERATION_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.SUBQUERY_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.TABLE_FUNCTION_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.TABLE_NOT_LICENSED;
import static io.pdx.sandbox.sql.Refusal.WINDOW_NOT_ALLOWED;

/**
 * The SQL the sandbox understands. {@link #copy} rebuilds a parsed statement from fresh nodes, keeping
 * only the clauses and attributes named here (expressions by {@link SupportedExpressions}), and refuses
 * recognizable unsupported ones with their own code. Whatever else the parser accepted is left out of the
 * copy, so a copy that prints differently from the parsed statement means something unsupported was
 * there ({@link StatementGuard} refuses it). One instance copies one statement.
 */
final class SupportedSyntax {

    private final SupportedExpressions expressions;
    private final String licensedAliases;

    /**
     * @param licensedAliases the licensed dataset aliases, named when a table reference is refused
     * @param cost            the guard's cost model
     */
    SupportedSyntax(String licensedAliases, io.pdx.contracts.policy.ControlsResult.Cost cost) {
        this.licensedAliases = licensedAliases;
        this.expressions = new SupportedExpressions(cost);
    }

    /** Units of work per row of the statement copied ({@link SupportedExpressions#units()}). */
    long units() {
        return expressions.units();
    }

    /** A copy of {@code statement} made of supported constructs only; refuses what is recognizably unsupported. */
    PlainSelect copy(Statement statement) throws StatementRefused {
        if (!(statement instanceof Select select)) {
            throw SELECT_ONLY.refused();
        }
        if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
            throw CTE_NOT_ALLOWED.refused();
        }
        if (select instanceof SetOperationList) {
            throw SET_OPERATION_NOT_ALLOWED.refused();
        }
        if (!(select instanceof PlainSelect plain)) {
            throw SELECT_ONLY.refused();
        }
        if (plain.getWindowDefinitions() != null && !plain.getWindowDefinitions().isEmpty()) {
            throw WINDOW_NOT_ALLOWED.refused();
        }
        PlainSelect copy = new PlainSelect();
        copy.setFromItem(table(plain.getFromItem()));
        copy.setJoins(plain.getJoins() == null ? null : joins(plain.getJoins()));
        List<SelectItem<?>> items = new ArrayList<>();
        for (SelectItem<?> item : plain.getSelectItems()) {
            items.add(selectItem(item));
        }
        copy.setSelectItems(items);
        copy.setWhere(expressions.copyNullable(plain.getWhere()));
        if (plain.getGroupBy() != null) {
            GroupByElement groupBy = new GroupByElement();
            groupBy.setGroupByExpressions(expressions.copyAll(plain.getGroupBy().getGroupByExpressions()));
            copy.setGroupByElement(groupBy);
        }
        copy.setHaving(expressions.copyNullable(plain.getHaving()));
        if (plain.getOrderByElements() != null) {
            copy.setOrderByElements(orderBy(plain.getOrderByElements()));
        }
        if (plain.getLimit() != null) {
            copy.setLimit(new Limit().withRowCount(integer(plain.getLimit().getRowCount())));
        }
        if (plain.getOffset() != null) {
            copy.setOffset(new Offset().withOffset(integer(plain.getOffset().getOffset())));
        }
        return copy;
    }

    private Table table(FromItem item) throws StatementRefused {
        if (item == null) {
            throw FROM_REQUIRED.refused();
        }
        if (item instanceof TableFunction) {
            throw TABLE_FUNCTION_NOT_ALLOWED.refused();
        }
        if (item instanceof Select) {
            throw SUBQUERY_NOT_ALLOWED.refused();
        }
        if (!(item instanceof Table table)) {
            throw CLAUSE_NOT_ALLOWED.refused();
        }
        if (table.getName().startsWith("'")) {
            throw TABLE_FUNCTION_NOT_ALLOWED.refused(); // a file path, read by a replacement scan
        }
        if (table.getNameParts().size() != 1) {
            throw TABLE_NOT_LICENSED.refused(licensedAliases);
        }
        Table copy = new Table(table.getName());
        if (table.getAlias() != null) {
            copy.setAlias(new Alias(table.getAlias().getName(), table.getAlias().isUseAs()));
        }
        return copy;
    }

    private List<Join> joins(List<Join> joins) throws StatementRefused {
        List<Join> copies = new ArrayList<>();
        for (Join join : joins) {
            if (join.isSimple() || join.isCross() || join.isNatural() || join.getOnExpressions().size() != 1
                    || !join.getUsingColumns().isEmpty()) {
                throw JOIN_NOT_ALLOWED.refused();
            }
            Join copy = new Join();
            copy.setInner(join.isInner());
            copy.setLeft(join.isLeft());
            copy.setRight(join.isRight());
            copy.setFull(join.isFull());
            copy.setOuter(join.isOuter());
            copy.setFromItem(table(join.getFromItem()));
            copy.setOnExpressions(List.of(expressions.copy(join.getOnExpressions().iterator().next())));
            copies.add(copy);
        }
        return copies;
    }

    private SelectItem<?> selectItem(SelectItem<?> item) throws StatementRefused {
        Expression expression = item.getExpression();
        Expression copy;
        if (expression instanceof AllTableColumns star) {
            copy = new AllTableColumns(new Table(star.getTable().getName()));
        } else if (expression.getClass() == AllColumns.class) {
            copy = new AllColumns();
        } else {
            copy = expressions.copy(expression);
        }
        Alias alias = item.getAlias();
        return new SelectItem<>(copy, alias == null ? null : new Alias(alias.getName(), alias.isUseAs()));
    }

    private List<OrderByElement> orderBy(List<OrderByElement> elements) throws StatementRefused {
        List<OrderByElement> copies = new ArrayList<>();
        for (OrderByElement element : elements) {
            OrderByElement copy = new OrderByElement();
            copy.setExpression(expressions.copy(element.getExpression()));
            copy.setAsc(element.isAsc());
            copy.setAscDescPresent(element.isAscDescPresent());
            copy.setNullOrdering(element.getNullOrdering());
            copies.add(copy);
        }
        return copies;
    }

    private static LongValue integer(Expression expression) throws StatementRefused {
        if (!(expression instanceof LongValue value)) {
            throw LIMIT_INVALID.refused();
        }
        return new LongValue(value.getStringValue());
    }
}
