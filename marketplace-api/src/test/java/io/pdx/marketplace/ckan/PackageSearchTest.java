package io.pdx.marketplace.ckan;

import io.pdx.contracts.catalog.Openness;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PackageSearchTest {

    @Test
    void defaults_areCkans_andStarStarIsEverything() {
        assertEquals(new PackageSearch(null, null, null, null, 10, 0), PackageSearch.parse("*:*", null, null, null));
        assertEquals(new PackageSearch("公交 bus", null, null, null, 10, 0), PackageSearch.parse(" 公交 bus ", "", "", null));
    }

    @Test
    void fq_termsBecomeFilters_quotedOrNot() {
        PackageSearch search = PackageSearch.parse(null, "organization:dept-transport groups:\"交通/公共交通\" res_format:CSV",
                "5", "20");
        assertEquals("dept-transport", search.provider());
        assertEquals("交通/公共交通", search.category());
        assertEquals(Openness.OPEN, search.openness());
        assertEquals(5, search.rows());
        assertEquals(20, search.start());
        assertEquals(Openness.OPEN, PackageSearch.parse(null, "isopen:true", null, null).openness());
        assertNull(PackageSearch.parse(null, "owner_org:x", null, null).category());
    }

    @Test
    void badParameters_areValidationErrorsNamingThem() {
        assertEquals(Map.of("__type", "Validation Error", "rows", List.of("Invalid integer")),
                assertThrows(CkanError.class, () -> PackageSearch.parse(null, null, "many", null)).error);
        CkanError tooMany = assertThrows(CkanError.class, () -> PackageSearch.parse(null, null, "1001", null));
        assertEquals(409, tooMany.status);
        assertEquals(List.of("Must be between 0 and 1000"), tooMany.error.get("rows"));
        assertEquals(List.of("unsupported filter field: tags"),
                assertThrows(CkanError.class, () -> PackageSearch.parse(null, "tags:x", null, null)).error.get("fq"));
        assertEquals(List.of("must be field:value terms"),
                assertThrows(CkanError.class, () -> PackageSearch.parse(null, "organization:x junk", null, null)).error.get("fq"));
        assertThrows(CkanError.class, () -> PackageSearch.parse(null, "isopen:false", null, null));
        assertThrows(CkanError.class, () -> PackageSearch.parse(null, null, null, "-1"));
    }
}
