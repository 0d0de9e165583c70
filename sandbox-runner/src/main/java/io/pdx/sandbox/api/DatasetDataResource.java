package io.pdx.sandbox.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.catalog.QualityReport;
import io.pdx.contracts.runner.DatasetImport;
import io.pdx.sandbox.engine.RunFailure;
import io.pdx.sandbox.engine.imports.DatasetImports;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.UUID;

/**
 * A registered version's data entering the domain ({@link DatasetImports}); only marketplace-api calls it, after it
 * authorized the holding department. The registered schema comes in header {@code X-Pdx-Import} (base64url JSON of a
 * {@link DatasetImport}), the file as the body; the answer is the quality report, aggregates only.
 */
@Path("/internal/v1/datasets/{id}/data")
public class DatasetDataResource {

    public static final String IMPORT_HEADER = "X-Pdx-Import";

    private final DatasetImports imports;
    private final ObjectMapper json;

    public DatasetDataResource(DatasetImports imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @PUT
    @Blocking
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    public QualityReport ingest(@PathParam("id") UUID id, @QueryParam("format") String format,
                                @QueryParam("maxBytes") long maxBytes, @HeaderParam(IMPORT_HEADER) String registered,
                                InputStream body) throws RunFailure {
        DatasetImport schema;
        try {
            schema = registered == null ? null : json.readValue(Base64.getUrlDecoder().decode(registered), DatasetImport.class);
        } catch (IOException | IllegalArgumentException unreadable) {
            schema = null;
        }
        return imports.ingest(id, format, schema, maxBytes <= 0 ? Long.MAX_VALUE : maxBytes, body);
    }
}
