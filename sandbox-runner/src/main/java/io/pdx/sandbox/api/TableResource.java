package io.pdx.sandbox.api;

import io.pdx.contracts.runner.DeletedTable;
import io.pdx.contracts.runner.IngestedTable;
import io.pdx.sandbox.engine.RunFailure;
import io.pdx.sandbox.engine.tables.OwnTables;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Organizations' own tables, stored inside the domain ({@link OwnTables}); only marketplace-api calls it, after it
 * authorized the upload and checked the organization's quota. Rows never come back out of here.
 */
@Path("/internal/v1/tables/{id}")
public class TableResource {

    private final OwnTables tables;

    public TableResource(OwnTables tables) {
        this.tables = tables;
    }

    /** Stores the streamed body as table {@code id} of {@code organization}; what was stored, with its inferred columns. */
    @PUT
    @Blocking
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    public IngestedTable ingest(@PathParam("id") UUID id, @QueryParam("organization") String organization,
                                @QueryParam("format") String format, @QueryParam("maxBytes") long maxBytes,
                                InputStream body) throws RunFailure {
        return tables.ingest(id, organization, format, maxBytes <= 0 ? Long.MAX_VALUE : maxBytes, body);
    }

    /** Deletes table {@code id}: the SHA-256 and size of what was deleted. */
    @DELETE
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    public DeletedTable delete(@PathParam("id") UUID id) throws RunFailure, IOException {
        return tables.delete(id);
    }
}
