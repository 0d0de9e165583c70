package io.pdx.contracts.policy;

/**
 * Input of package {@code pdx.catalog}. With {@code dataset} null, the policy answers
 * {@code visible_grades} (which grades the subject may list); with a dataset it answers
 * {@code decision} for that entry.
 */
public record CatalogInput(Subject subject, DatasetRef dataset) {

    /** The attributes of a catalog entry that visibility (and openness, for {@code pdx.catalog.open_data}) depends on. */
    public record DatasetRef(String id, String grade, String provider, String status,
                             @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                             String openness) {

        public DatasetRef(String id, String grade, String provider, String status) {
            this(id, grade, provider, status, null);
        }
    }
}
