package io.pdx.marketplace.opendata;

import io.pdx.contracts.ColumnTag;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.catalog.DatasetSchema;
import io.pdx.contracts.problem.Problem;
import io.pdx.contracts.runner.DeliveryRequest.EqualityFilter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpenDataQueryTest {

    static final DatasetSchema SCHEMA = new DatasetSchema(List.of(
            new ColumnSpec("card_id", "VARCHAR", ColumnTag.IDENTIFIER, "card"),
            new ColumnSpec("route_id", "VARCHAR", ColumnTag.ATTRIBUTE, "route"),
            new ColumnSpec("fare_cents", "INTEGER", ColumnTag.METRIC, "fare"),
            new ColumnSpec("day", "DATE", ColumnTag.QUASI_IDENTIFIER, "day")));

    private static List<String> names(OpenDataQuery query) {
        return query.columns().stream().map(ColumnSpec::name).toList();
    }

    private static List<Problem.FieldError> errors(String columns, List<String> filters) {
        return assertThrows(InvalidOpenDataQuery.class, () -> OpenDataQuery.parse(SCHEMA, columns, filters)).toProblem(null).errors();
    }

    @Test
    void noColumns_servesEveryDeclaredColumnButIdentifiers() {
        OpenDataQuery query = OpenDataQuery.parse(SCHEMA, null, null);
        assertEquals(List.of("route_id", "fare_cents", "day"), names(query));
        assertEquals(List.of(), query.filters());
    }

    @Test
    void columnsAndFilters_keepTheirOrder_andDropRepeats() {
        OpenDataQuery query = OpenDataQuery.parse(SCHEMA, "fare_cents, route_id,fare_cents",
                List.of("route_id:L001", "fare_cents:200"));
        assertEquals(List.of("fare_cents", "route_id"), names(query));
        assertEquals(List.of(new EqualityFilter("route_id", "L001"), new EqualityFilter("fare_cents", "200")), query.filters());
    }

    @Test
    void aValueMayHoldAColon() {
        assertEquals(List.of(new EqualityFilter("route_id", "a:b")),
                OpenDataQuery.parse(SCHEMA, null, List.of("route_id:a:b")).filters());
    }

    @Test
    void unknownColumn_isAnErrorNamingColumns() {
        List<Problem.FieldError> errors = errors("route_id,nope", null);
        assertEquals(1, errors.size());
        assertEquals("columns", errors.get(0).field());
        assertEquals("not a column of the dataset: nope", errors.get(0).message());
    }

    @Test
    void identifierColumn_isNeverServed_norFiltered() {
        assertEquals(List.of("columns"), errors("card_id", null).stream().map(Problem.FieldError::field).toList());
        assertEquals(List.of("filter"), errors(null, List.of("card_id:c1")).stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void filters_onUnknownOrUnselectedColumns_orUnreadableValues_areErrors() {
        assertEquals(4, errors("route_id", List.of("nope:1", "fare_cents:2", "route_id", "route_id:" + "x".repeat(101))).size());
        assertEquals("not a value of fare_cents's type INTEGER", errors(null, List.of("fare_cents:2.5x")).get(0).message());
        assertEquals(1, errors(null, List.of("day:2024-13-01")).size());
    }

    @Test
    void tooManyFilters_isAnError() {
        List<String> eleven = java.util.Collections.nCopies(OpenDataQuery.MAX_FILTERS + 1, "route_id:L001");
        assertEquals("at most 5 filters", errors(null, eleven).get(0).message());
    }

    @Test
    void readable_followsTheDeclaredType() {
        assertEquals(true, OpenDataQuery.readable("BIGINT", "-12"));
        assertEquals(false, OpenDataQuery.readable("INTEGER", "1e3"));
        assertEquals(true, OpenDataQuery.readable("DECIMAL", "12.50"));
        assertEquals(true, OpenDataQuery.readable("BOOLEAN", "TRUE"));
        assertEquals(false, OpenDataQuery.readable("BOOLEAN", "yes"));
        assertEquals(true, OpenDataQuery.readable("TIMESTAMP", "2024-01-05 08:00:00"));
        assertEquals(true, OpenDataQuery.readable("DATE", "2024-01-05"));
        assertEquals(true, OpenDataQuery.readable("VARCHAR", "any text, even ' quotes"));
    }
}
