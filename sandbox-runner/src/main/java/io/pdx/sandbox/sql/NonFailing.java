package io.pdx.sandbox.sql;

import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;


/**
 * Makes a checked statement unable to fail on a value: every node that computes from a value (a cast,
 * arithmetic that may overflow, a comparison that converts a string, a date or string function) is
 * wrapped in DuckDB's {@code TRY(...)}, which yields NULL where the node would raise an error.
 * Otherwise a query could succeed or fail depending on one row — a yes/no answer about one person
 * that no output control sees. Bare columns and literals cannot fail and stay as they are; so do join
 * conditions (column = column of declared keys of the same type) and ORDER BY on output names.
 */
final class NonFailing {

    private NonFailing() {
    }

    /** Rewrites {@code select} in place: WHERE, GROUP BY keys, outputs, aggregate arguments, HAVING, ORDER BY keys. */
    static void rewrite(PlainSelect select) {
        if (select.getWhere() != null) {
            select.setWhere(wrap(select.getWhere()));
        }
        GroupByElement groupBy = select.getGroupBy();
        if (groupBy != null) {
            ExpressionList<Expression> keys = new ExpressionList<>();
            for (Object key : groupBy.getGroupByExpressions()) {
                keys.add(wrap((Expression) key));
            }
            groupBy.setGroupByExpressions(keys);
        }
        for (SelectItem<?> item : select.getSelectItems()) {
            rewriteItem(item);
        }
        if (select.getHaving() != null) {
            select.setHaving(aggregatesInside(select.getHaving()));
        }
        if (select.getOrderByElements() != null) {
            for (OrderByElement element : select.getOrderByElements()) {
                if (!(element.getExpression() instanceof Column)) {
                    element.setExpression(wrap(element.getExpression()));
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // SelectItem's expression type is its own type parameter
    private static void rewriteItem(SelectItem item) {
        item.setExpression(wrap(item.getExpression()));
    }

    /**
     * The expression with each node that can fail on a value wrapped in TRY(…), innermost first, so that a
     * failure turns only its own node into NULL: {@code CAST(x AS INT) IS NULL} stays a test of each row.
     * Logical operators, IS NULL, CASE and parentheses cannot fail themselves; columns and literals never.
     */
    static Expression wrap(Expression expression) {
        if (expression == null || expression instanceof Column || expression instanceof StringValue
                || expression instanceof LongValue || expression instanceof DoubleValue || expression instanceof NullValue
                || expression instanceof BooleanValue || expression instanceof AllColumns) {
            return expression;
        }
        if (expression instanceof Function function && SelectCheck.isAggregate(function)) {
            wrapArguments(function);
            return function;
        }
        if (expression instanceof Function function) {
            if (isTry(function)) {
                return function;
            }
            wrapArguments(function);
            return tryOf(function);
        }
        if (expression instanceof AndExpression || expression instanceof OrExpression) {
            BinaryExpression logical = (BinaryExpression) expression;
            logical.setLeftExpression(wrap(logical.getLeftExpression()));
            logical.setRightExpression(wrap(logical.getRightExpression()));
            return logical;
        }
        if (expression instanceof BinaryExpression binary) { // arithmetic, comparisons, LIKE, concatenation
            binary.setLeftExpression(wrap(binary.getLeftExpression()));
            binary.setRightExpression(wrap(binary.getRightExpression()));
            return tryOf(binary);
        }
        if (expression instanceof ParenthesedExpressionList<?> parenthesed && parenthesed.size() == 1) {
            return new ParenthesedExpressionList<>(wrap(parenthesed.get(0)));
        }
        if (expression instanceof NotExpression not) {
            not.setExpression(wrap(not.getExpression()));
            return not;
        }
        if (expression instanceof IsNullExpression isNull) {
            isNull.setLeftExpression(wrap(isNull.getLeftExpression()));
            return isNull;
        }
        if (expression instanceof CaseExpression caseExpression) {
            caseExpression.setSwitchExpression(wrap(caseExpression.getSwitchExpression()));
            for (WhenClause when : caseExpression.getWhenClauses()) {
                when.setWhenExpression(wrap(when.getWhenExpression()));
                when.setThenExpression(wrap(when.getThenExpression()));
            }
            caseExpression.setElseExpression(wrap(caseExpression.getElseExpression()));
            return caseExpression;
        }
        if (expression instanceof CastExpression cast) {
            cast.setLeftExpression(wrap(cast.getLeftExpression()));
            return tryOf(cast);
        }
        if (expression instanceof SignedExpression signed) {
            signed.setExpression(wrap(signed.getExpression()));
            return tryOf(signed);
        }
        if (expression instanceof InExpression in) {
            in.setLeftExpression(wrap(in.getLeftExpression()));
            return tryOf(in);
        }
        if (expression instanceof Between between) {
            between.setLeftExpression(wrap(between.getLeftExpression()));
            between.setBetweenExpressionStart(wrap(between.getBetweenExpressionStart()));
            between.setBetweenExpressionEnd(wrap(between.getBetweenExpressionEnd()));
            return tryOf(between);
        }
        if (expression instanceof ExtractExpression extract) {
            extract.setExpression(wrap(extract.getExpression()));
            return tryOf(extract);
        }
        if (expression instanceof TrimFunction trim) {
            trim.setExpression(wrap(trim.getExpression()));
            trim.setFromExpression(wrap(trim.getFromExpression()));
            return tryOf(trim);
        }
        return tryOf(expression); // a node the supported syntax may add later: wrapped whole
    }

    private static Function tryOf(Expression expression) {
        return new Function("try", expression);
    }

    private static boolean isTry(Expression expression) {
        return expression instanceof Function function && "try".equalsIgnoreCase(function.getName());
    }

    private static void wrapArguments(Function aggregate) {
        ExpressionList<?> parameters = aggregate.getParameters();
        if (parameters == null) {
            return;
        }
        ExpressionList<Expression> wrapped = new ExpressionList<>();
        for (Object parameter : parameters) {
            wrapped.add(wrap((Expression) parameter));
        }
        aggregate.setParameters(wrapped);
    }

    /** HAVING: conditions over aggregates and literals; the aggregates' arguments are wrapped. */
    private static Expression aggregatesInside(Expression condition) {
        for (Function function : ExpressionScan.of(condition).functions) {
            if (SelectCheck.isAggregate(function)) {
                wrapArguments(function);
            }
        }
        return condition;
    }
}
