package io.pdx.marketplace.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.catalog.DatasetPage;

/**
 * A page of search results together with its JSON, written once when the page is computed:
 * a page served again from {@link SearchCache} costs no serialization (rendering twenty
 * summaries with their timestamps was most of a cached search's time).
 */
public record RenderedPage(DatasetPage page, byte[] json) {

    static RenderedPage of(DatasetPage page, ObjectMapper mapper) {
        try {
            return new RenderedPage(page, mapper.writeValueAsBytes(page));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dataset page could not be written as JSON", e);
        }
    }
}
