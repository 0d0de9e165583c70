package io.pdx.sandbox.sql;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
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
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Select;

import io.pdx.contracts.policy.ControlsResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static io.pdx.sandbox.sql.Refusal.EXPRESSION_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.EXPRESSION_TOO_DEEP;
import static io.pdx.sandbox.sql.Refusal.FORMAT_NOT_LITERAL;
import static io.pdx.sandbox.sql.Refusal.FUNCTION_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.LIKE_PATTERN_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.SUBQUERY_NOT_ALLOWED;
import static io.pdx.sandbox.sql.Refusal.WINDOW_NOT_ALLOWED;

/**
 * The expressions the sandbox understands: columns, literals, arithmetic, comparisons, AND/OR/NOT,
 * IN (values), BETWEEN, LIKE/ILIKE, IS NULL, CASE, CAST to simple types, EXTRACT, TRIM and the
 * allow-listed functions. {@link #copy} rebuilds an expression from fresh nodes with only those
 * attributes, refusing subqueries, windows, other functions and other node types.
 *
 * <p>It also applies the guard's cost model ({@link ControlsResult.Cost}): no construct may have a per-row cost a
 * value can blow up. A pattern (LIKE, ILIKE) is a short string literal whose wildcards cannot make matching
 * backtrack; a format or unit argument (strftime, date_trunc, date_part) is a literal; every node copied counts one
 * unit of work per row ({@link #units()}), a pattern one per character, so that a job's slot can be fixed from the
 * statement and the sizes of its tables alone.
 */
final class SupportedExpressions {

    /** Aggregate functions, lower case; which of them a grade allows is in its controls. */
    static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max");

    /** Scalar functions without side effects or I/O, lower case. */
    static final Set<String> SCALARS = Set.of(
            "lower", "upper", "length", "trim", "substr", "substring", "round", "floor", "ceil", "abs",
            "coalesce", "nullif", "date_trunc", "date_part", "year", "month", "day", "hour", "dayofweek",
            "strftime", "least", "greatest", "concat");

    private static final Set<String> EXTRACT_FIELDS = Set.of(
            "year", "quarter", "month", "week", "day", "dayofweek", "dow", "isodow", "dayofyear", "doy",
            "hour", "minute", "second", "epoch");

    private static final Pattern CAST_TYPE = Pattern.compile(
            "(?i)VARCHAR|TEXT|INT|INTEGER|BIGINT|SMALLINT|DOUBLE|FLOAT|REAL|BOOLEAN|DATE|TIME|TIMESTAMP"
                    + "|(DECIMAL|NUMERIC)( ?\\(\\d{1,2}(, ?\\d{1,2})?\\))?");

    private static final Map<Class<? extends BinaryExpression>, Supplier<BinaryExpression>> OPERATORS = Map.ofEntries(
            Map.entry(Addition.class, Addition::new),
            Map.entry(Subtraction.class, Subtraction::new),
            Map.entry(Multiplication.class, Multiplication::new),
            Map.entry(Division.class, Division::new),
            Map.entry(Modulo.class, Modulo::new),
            Map.entry(Concat.class, Concat::new),
            Map.entry(EqualsTo.class, EqualsTo::new),
            Map.entry(GreaterThan.class, GreaterThan::new),
            Map.entry(GreaterThanEquals.class, GreaterThanEquals::new),
            Map.entry(MinorThan.class, MinorThan::new),
            Map.entry(MinorThanEquals.class, MinorThanEquals::new),
            Map.entry(AndExpression.class, AndExpression::new),
            Map.entry(OrExpression.class, OrExpression::new));

    /** Deepest expression nesting copied; deeper trees are refused before anything recurses on them further. */
    private static final int MAX_DEPTH = 200;

    /** Functions whose argument at this index must be a string literal (a format or a unit, never a value). */
    private static final Map<String, Integer> LITERAL_ARGUMENT = Map.of("strftime", 1, "date_trunc", 0, "date_part", 0);

    private final ControlsResult.Cost cost;
    private int depth;
    private long units;

    SupportedExpressions(ControlsResult.Cost cost) {
        this.cost = cost;
    }

    /** Units of work per row of what was copied so far: one per node, one per character of a pattern. */
    long units() {
        return units;
    }

    /** A copy of an optional expression, null for null. */
    Expression copyNullable(Expression expression) throws StatementRefused {
        return expression == null ? null : copy(expression);
    }

    /** Copies of the expressions, in order. */
    ExpressionList<Expression> copyAll(List<? extends Expression> expressions) throws StatementRefused {
        ExpressionList<Expression> copies = new ExpressionList<>();
        for (Expression expression : expressions) {
            copies.add(copy(expression));
        }
        return copies;
    }

    /** A copy of a supported expression. */
    Expression copy(Expression e) throws StatementRefused {
        descend();
        try {
            return node(e);
        } finally {
            depth--;
        }
    }

    private void descend() throws StatementRefused {
        units++;
        if (++depth > MAX_DEPTH) {
            throw EXPRESSION_TOO_DEEP.refused(MAX_DEPTH);
        }
    }

    private Expression node(Expression e) throws StatementRefused {
        if (e instanceof Select || e instanceof ExistsExpression || e instanceof AnyComparisonExpression) {
            throw SUBQUERY_NOT_ALLOWED.refused();
        }
        if (e instanceof AnalyticExpression analytic) {
            throw analytic.getType() == AnalyticType.FILTER_ONLY ? EXPRESSION_NOT_ALLOWED.refused() : WINDOW_NOT_ALLOWED.refused();
        }
        if (e instanceof Column column) {
            Table table = column.getTable();
            return new Column(table == null || table.getName() == null ? null : new Table(table.getFullyQualifiedName()),
                    column.getColumnName());
        }
        if (e instanceof Function function) {
            return function(function);
        }
        if (e instanceof StringValue || e instanceof LongValue || e instanceof DoubleValue
                || e instanceof NullValue || e instanceof BooleanValue) {
            return literal(e);
        }
        if (e instanceof ParenthesedExpressionList<?> parenthesed && parenthesed.size() == 1) {
            return new ParenthesedExpressionList<>(copy(parenthesed.get(0)));
        }
        if (e instanceof NotEqualsTo notEquals) {
            return operands(notEquals, new NotEqualsTo(notEquals.getStringExpression()));
        }
        if (e instanceof BinaryExpression binary && OPERATORS.containsKey(binary.getClass())) {
            return operands(binary, OPERATORS.get(binary.getClass()).get());
        }
        if (e instanceof LikeExpression like) {
            return like(like);
        }
        if (e instanceof SignedExpression signed && (signed.getSign() == '-' || signed.getSign() == '+')) {
            return new SignedExpression(signed.getSign(), copy(signed.getExpression()));
        }
        if (e instanceof NotExpression not) {
            return new NotExpression(copy(not.getExpression()), not.isExclamationMark());
        }
        if (e instanceof IsNullExpression isNull) {
            IsNullExpression result = new IsNullExpression(copy(isNull.getLeftExpression()));
            result.setNot(isNull.isNot());
            return result;
        }
        if (e instanceof Between between) {
            return between(between);
        }
        if (e instanceof InExpression in) {
            return in(in, in.getRightExpression());
        }
        if (e instanceof CaseExpression caseExpression) {
            return caseExpression(caseExpression);
        }
        if (e instanceof CastExpression cast) {
            return cast(cast);
        }
        if (e instanceof ExtractExpression extract && EXTRACT_FIELDS.contains(extract.getName().toLowerCase(Locale.ROOT))) {
            ExtractExpression result = new ExtractExpression();
            result.setName(extract.getName());
            result.setExpression(copy(extract.getExpression()));
            return result;
        }
        if (e instanceof TrimFunction trim) {
            return new TrimFunction(trim.getTrimSpecification(), copy(trim.getExpression()),
                    copyNullable(trim.getFromExpression()), trim.isUsingFromKeyword());
        }
        throw EXPRESSION_NOT_ALLOWED.refused();
    }

    private static Expression literal(Expression e) throws StatementRefused {
        if (e instanceof StringValue string) {
            return new StringValue(string.getValue());
        }
        if (e instanceof LongValue number) {
            return new LongValue(number.getStringValue());
        }
        if (e instanceof DoubleValue number) {
            return new DoubleValue(number.toString());
        }
        if (e instanceof NullValue) {
            return new NullValue();
        }
        if (e instanceof BooleanValue bool) {
            return new BooleanValue(bool.getValue());
        }
        throw EXPRESSION_NOT_ALLOWED.refused();
    }

    private Function function(Function function) throws StatementRefused {
        String name = function.getName().toLowerCase(Locale.ROOT);
        if (function.getMultipartName().size() != 1 || !(AGGREGATES.contains(name) || SCALARS.contains(name))) {
            throw FUNCTION_NOT_ALLOWED.refused();
        }
        if (function.isDistinct() && !name.equals("count")) {
            throw EXPRESSION_NOT_ALLOWED.refused();
        }
        Integer literalArgument = LITERAL_ARGUMENT.get(name);
        if (literalArgument != null && (function.getParameters() == null || function.getParameters().size() <= literalArgument
                || !(function.getParameters().get(literalArgument) instanceof StringValue))) {
            throw FORMAT_NOT_LITERAL.refused(name);
        }
        Function result = new Function();
        result.setName(function.getName());
        result.setDistinct(function.isDistinct());
        ExpressionList<?> parameters = function.getParameters();
        if (parameters != null) {
            boolean countStar = name.equals("count") && parameters.size() == 1 && parameters.get(0).getClass() == AllColumns.class;
            result.setParameters(countStar ? new ExpressionList<>(new AllColumns()) : copyAll(parameters));
        }
        return result;
    }

    private Expression operands(BinaryExpression original, BinaryExpression result) throws StatementRefused {
        result.setLeftExpression(copy(original.getLeftExpression()));
        result.setRightExpression(copy(original.getRightExpression()));
        return result;
    }

    private Expression like(LikeExpression like) throws StatementRefused {
        LikeExpression.KeyWord keyWord = like.getLikeKeyWord();
        if (like.getEscape() != null || !(keyWord == LikeExpression.KeyWord.LIKE || keyWord == LikeExpression.KeyWord.ILIKE)) {
            throw EXPRESSION_NOT_ALLOWED.refused();
        }
        checkPattern(like.getRightExpression());
        LikeExpression result = new LikeExpression();
        result.setLikeKeyWord(keyWord);
        result.setNot(like.isNot());
        return operands(like, result);
    }

    /**
     * A pattern DuckDB matches in time linear in the value: a string literal of at most {@code max_like_length}
     * characters with at most {@code max_like_wildcards} {@code %}, and at most one {@code %} where it also has
     * {@code _} (a {@code _} between two {@code %} makes the matcher backtrack: seconds on one long value).
     */
    private void checkPattern(Expression pattern) throws StatementRefused {
        if (!(pattern instanceof StringValue literal)) {
            throw LIKE_PATTERN_NOT_ALLOWED.refused(cost.max_like_length(), cost.max_like_wildcards());
        }
        String text = literal.getValue();
        long percents = text.chars().filter(c -> c == '%').count();
        boolean single = text.indexOf('_') >= 0;
        if (text.length() > cost.max_like_length() || percents > cost.max_like_wildcards() || (single && percents > 1)) {
            throw LIKE_PATTERN_NOT_ALLOWED.refused(cost.max_like_length(), cost.max_like_wildcards());
        }
        units += text.length();
    }

    private Expression between(Between between) throws StatementRefused {
        Between result = new Between();
        result.setLeftExpression(copy(between.getLeftExpression()));
        result.setNot(between.isNot());
        result.setBetweenExpressionStart(copy(between.getBetweenExpressionStart()));
        result.setBetweenExpressionEnd(copy(between.getBetweenExpressionEnd()));
        return result;
    }

    /**
     * {@code x [NOT] IN (literal, ...)}: a list of values, never a subquery. JSqlParser 5.3 parses
     * {@code x IN (…) AND y} as {@code x IN ((…) AND y)} (JSQLParser/JSqlParser#2244); the copy
     * re-associates such a tree to {@code (x IN (…)) AND y}, which prints the same.
     */
    private Expression in(InExpression in, Expression right) throws StatementRefused {
        if (right instanceof BinaryExpression misparsed && OPERATORS.containsKey(misparsed.getClass())) {
            descend();
            try {
                BinaryExpression result = OPERATORS.get(misparsed.getClass()).get();
                result.setLeftExpression(in(in, misparsed.getLeftExpression()));
                result.setRightExpression(copy(misparsed.getRightExpression()));
                return result;
            } finally {
                depth--;
            }
        }
        if (right instanceof Select) {
            throw SUBQUERY_NOT_ALLOWED.refused();
        }
        if (!(right instanceof ParenthesedExpressionList<?> values)) {
            throw EXPRESSION_NOT_ALLOWED.refused();
        }
        ParenthesedExpressionList<Expression> copies = new ParenthesedExpressionList<>();
        for (Expression value : values) {
            copies.add(literal(value));
            units++; // a value list is compared per row
        }
        InExpression result = new InExpression(copy(in.getLeftExpression()), copies);
        result.setNot(in.isNot());
        return result;
    }

    private Expression caseExpression(CaseExpression caseExpression) throws StatementRefused {
        CaseExpression result = new CaseExpression();
        result.setSwitchExpression(copyNullable(caseExpression.getSwitchExpression()));
        List<WhenClause> whens = new ArrayList<>();
        for (WhenClause when : caseExpression.getWhenClauses()) {
            whens.add(new WhenClause(copy(when.getWhenExpression()), copy(when.getThenExpression())));
        }
        result.setWhenClauses(whens);
        result.setElseExpression(copyNullable(caseExpression.getElseExpression()));
        return result;
    }

    /** {@code CAST(x AS type)}, {@code x::type} and typed literals such as {@code DATE '2024-01-01'}, to simple types. */
    private Expression cast(CastExpression cast) throws StatementRefused {
        String type = cast.getColDataType().getDataType();
        if (!CAST_TYPE.matcher(type).matches()) {
            throw EXPRESSION_NOT_ALLOWED.refused();
        }
        CastExpression result = new CastExpression();
        result.setUseCastKeyword(cast.isUseCastKeyword());
        result.setImplicitCast(cast.isImplicitCast());
        result.setLeftExpression(copy(cast.getLeftExpression()));
        result.setColDataType(new ColDataType(type));
        return result;
    }
}
