package io.pdx.sandbox.sql;

import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;

import java.util.ArrayList;
import java.util.List;

/**
 * The column references and function calls anywhere inside one expression of a {@link SupportedSyntax}
 * copy, in the order they appear. It walks every node type the copy can hold itself (JSqlParser's visitor
 * adapter skips some children, such as the source of {@code TRIM(BOTH 'x' FROM column)}); leaves are
 * literals and {@code *}. Any other node is a bug in the copy, never silently skipped.
 */
final class ExpressionScan {

    final List<Column> columns = new ArrayList<>();
    final List<Function> functions = new ArrayList<>();

    private ExpressionScan() {
    }

    static ExpressionScan of(Expression expression) {
        ExpressionScan scan = new ExpressionScan();
        scan.walk(expression);
        return scan;
    }

    private void walk(Expression e) {
        if (e == null) {
            return;
        }
        if (e instanceof Column column) {
            columns.add(column);
        } else if (e instanceof Function function) {
            functions.add(function);
            walk(function.getParameters());
        } else if (e instanceof ExpressionList<?> list) {
            list.forEach(this::walk);
        } else if (e instanceof BinaryExpression binary) {
            walk(binary.getLeftExpression());
            walk(binary.getRightExpression());
        } else if (e instanceof SignedExpression signed) {
            walk(signed.getExpression());
        } else if (e instanceof NotExpression not) {
            walk(not.getExpression());
        } else if (e instanceof IsNullExpression isNull) {
            walk(isNull.getLeftExpression());
        } else if (e instanceof Between between) {
            walk(between.getLeftExpression());
            walk(between.getBetweenExpressionStart());
            walk(between.getBetweenExpressionEnd());
        } else if (e instanceof InExpression in) {
            walk(in.getLeftExpression());
            walk(in.getRightExpression());
        } else if (e instanceof CaseExpression caseExpression) {
            walk(caseExpression.getSwitchExpression());
            caseExpression.getWhenClauses().forEach(this::walk);
            walk(caseExpression.getElseExpression());
        } else if (e instanceof WhenClause when) {
            walk(when.getWhenExpression());
            walk(when.getThenExpression());
        } else if (e instanceof CastExpression cast) {
            walk(cast.getLeftExpression());
        } else if (e instanceof ExtractExpression extract) {
            walk(extract.getExpression());
        } else if (e instanceof TrimFunction trim) {
            walk(trim.getExpression());
            walk(trim.getFromExpression());
        } else if (!isLeaf(e)) {
            throw new IllegalStateException("not a node of the supported syntax: " + e.getClass().getSimpleName());
        }
    }

    private static boolean isLeaf(Expression e) {
        return e instanceof StringValue || e instanceof LongValue || e instanceof DoubleValue || e instanceof NullValue
                || e instanceof BooleanValue || e instanceof AllColumns;
    }
}
