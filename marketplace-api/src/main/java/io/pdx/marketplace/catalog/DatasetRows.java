package io.pdx.marketplace.catalog;

import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.DatasetSchema;
import io.pdx.contracts.catalog.DatasetSummary;
import io.pdx.contracts.catalog.Openness;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.catalog.SharingType;
import io.pdx.contracts.catalog.UpdateFrequency;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

import java.util.List;

/** A {@code dataset} row read by SQL, as the API shows it. */
final class DatasetRows {

    /** The columns {@link #toSummary} reads (the search columns stay in the database). */
    static final String COLUMNS = "d.id, d.lineage_id, d.dataset_version, d.name_zh, d.name_en, d.description,"
            + " d.category, d.grade, d.general_sublevel, d.provider, d.provider_name, d.update_frequency,"
            + " d.time_coverage_start, d.time_coverage_end, d.spatial_coverage, d.row_count, d.schema,"
            + " d.sharing_type, d.sharing_condition, d.openness, d.status, d.certificate_no, d.return_reasons,"
            + " d.version, d.created_at, d.updated_at, d.registration_type, d.amends, d.publicity_started_at,"
            + " d.publicity_ends_at";

    private DatasetRows() {
    }

    static DatasetSummary toSummary(Row row) {
        JsonObject reasons = row.getJsonObject("return_reasons");
        Integer sublevel = row.getValue("general_sublevel") == null ? null : row.getInteger("general_sublevel");
        return new DatasetSummary(row.getUUID("id"), row.getUUID("lineage_id"), row.getInteger("dataset_version"),
                row.getString("name_zh"), row.getString("name_en"), row.getString("description"),
                row.getString("category"), Grade.valueOf(row.getString("grade")), sublevel,
                row.getString("provider"), row.getString("provider_name"),
                UpdateFrequency.valueOf(row.getString("update_frequency")),
                row.getLocalDate("time_coverage_start"), row.getLocalDate("time_coverage_end"),
                row.getString("spatial_coverage"), row.getLong("row_count"),
                row.getJsonObject("schema").mapTo(DatasetSchema.class).columns(),
                SharingType.valueOf(row.getString("sharing_type")), row.getString("sharing_condition"),
                Openness.valueOf(row.getString("openness")), RegistrationStatus.valueOf(row.getString("status")),
                row.getString("certificate_no"),
                reasons == null ? List.of() : reasons.getJsonArray("reasons", new io.vertx.core.json.JsonArray())
                        .stream().map(String::valueOf).toList(),
                row.getLong("version"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"),
                io.pdx.contracts.catalog.RegistrationType.valueOf(row.getString("registration_type")), row.getUUID("amends"),
                row.getOffsetDateTime("publicity_started_at"), row.getOffsetDateTime("publicity_ends_at"), List.of());
    }
}
