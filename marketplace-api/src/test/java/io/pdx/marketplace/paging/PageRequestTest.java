package io.pdx.marketplace.paging;

import io.pdx.marketplace.problem.InvalidParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void absentParameters_takeTheDefaults() {
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_SIZE), PageRequest.of(null, null));
        assertEquals(new PageRequest(3, 20), PageRequest.of("3", null, 20, 200));
        assertEquals(new PageRequest(0, 7), PageRequest.of(" 0 ", "7"));
    }

    @ParameterizedTest
    @CsvSource(value = {"abc,10,page", "1.5,10,page", "-1,10,page", "100001,10,page", "0,'',size", "0,0,size", "0,501,size",
            "0,x,size", "99999999999,1,page"}, nullValues = "NULL")
    void anythingElse_isAProblemNamingTheParameter(String page, String size, String field) {
        InvalidParameter problem = assertThrows(InvalidParameter.class, () -> PageRequest.of(page, size));
        assertEquals(field, problem.toProblem("/x").errors().get(0).field());
        assertEquals(400, problem.status());
    }

    @Test
    void aListsOwnMaximum_isTheBound() {
        assertThrows(InvalidParameter.class, () -> PageRequest.of("0", "201", 20, 200));
        assertEquals(200, PageRequest.of("0", "200", 20, 200).size());
    }
}
