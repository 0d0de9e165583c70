package io.pdx.marketplace.sandbox.tables;

import io.pdx.contracts.Page;
import io.pdx.contracts.catalog.ColumnSpec;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.runner.DeletedTable;
import io.pdx.contracts.runner.IngestedTable;
import io.pdx.contracts.tables.DeletionReceipt;
import io.pdx.contracts.tables.TableConfirmation;
import io.pdx.contracts.tables.TableState;
import io.pdx.contracts.tables.TableView;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.lifecycle.Change;
import io.pdx.marketplace.lifecycle.TransitionKernel;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.sandbox.runner.RunnerTables;
import io.pdx.marketplace.sandbox.runner.SandboxRefusal;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationDenied;
import io.pdx.marketplace.security.OperationGuard;
import io.pdx.policy.client.PolicyClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An organization's own tables (自有数据), for clean rooms: uploaded as a stream (CSV with a header, or Parquet) into the
 * domain, confirmed (tags, bounds, join keys), read only by the organization's own jobs, deleted with a receipt. Their
 * rows are never served back, to anyone. Another organization's table is a 404 on every endpoint.
 */
@Path("/api/v1/tables")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tables")
@io.quarkus.security.Authenticated
public class TableResource {

    static final String PARQUET = "application/vnd.apache.parquet";
    static final String CSV = "text/csv";

    private final CurrentSubject currentSubject;
    private final OperationGuard guard;
    private final TransitionKernel transitions;
    private final RunnerTables runner;
    private final PolicyClient policy;
    private final AuditLog audit;
    private final Clock clock;

    public TableResource(CurrentSubject currentSubject, OperationGuard guard, TransitionKernel transitions, RunnerTables runner,
                         PolicyClient policy, AuditLog audit, Clock clock) {
        this.currentSubject = currentSubject;
        this.guard = guard;
        this.transitions = transitions;
        this.runner = runner;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Streams the body into the domain as a new table named {@code alias}: nothing is kept unless all of it was read,
     * converted and recorded; over the quota or the upload limit, nothing is kept either.
     */
    @POST
    @Blocking
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, CSV, PARQUET})
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "uploadTable", summary = "Upload a table / 上传自有数据",
            description = "The body is the file itself (CSV with a header row, comma-separated, UTF-8; or Parquet), streamed: large "
                    + "files are fine up to the policy's upload limit. The answer is the table with its inferred columns, to confirm.")
    @APIResponse(responseCode = "201", description = "stored, columns inferred / 已保存")
    public Response upload(@QueryParam("alias") @Parameter(description = "The table name statements will use", required = true,
                                   schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = ColumnSpec.NAME)) String alias,
                           @QueryParam("format") @Parameter(description = "csv or parquet; by default from the Content-Type (text/csv, application/vnd.apache.parquet)",
                                   schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, enumeration = {"csv", "parquet"})) String format,
                           @jakarta.ws.rs.HeaderParam("Content-Type") @Parameter(hidden = true) String contentType,
                           InputStream body) throws Throwable {
        Subject subject = currentSubject.get();
        VertxContextSupport.subscribeAndAwait(() -> guard.require(subject, Operation.TABLE_UPLOAD,
                OwnTable.resource(null, subject.organization(), null)));
        FieldCheck check = new FieldCheck();
        if (alias == null || alias.isEmpty()) {
            check.rule("alias", "name the table: a-z, 0-9 and _, not starting with a digit");
        } else {
            check.pattern("alias", alias, true, ColumnSpec.NAME, "a plain name: a-z, 0-9 and _, not starting with a digit");
        }
        if (format == null) {
            format = contentType != null && contentType.startsWith(PARQUET) ? "parquet"
                    : contentType != null && contentType.startsWith(CSV) ? "csv" : null;
        }
        if (!"csv".equals(format) && !"parquet".equals(format)) {
            check.rule("format", "csv or parquet (or send the file as text/csv or application/vnd.apache.parquet)");
        }
        if (!check.valid()) {
            throw new TableProblems.InvalidUpload(check);
        }
        long allowed = VertxContextSupport.subscribeAndAwait(() -> room(subject.organization(), alias));
        UUID id = UUID.randomUUID();
        String kind = format;
        IngestedTable stored = runner.upload(id, subject.organization(), kind, allowed, body);
        try {
            OwnTable table = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
                OwnTable created = new OwnTable();
                created.id = id;
                created.organization = subject.organization();
                created.alias = alias;
                created.format = kind;
                created.rowCount = stored.rowCount();
                created.bytes = stored.bytes();
                created.sha256 = stored.sha256();
                created.columns = new OwnTable.Columns(stored.columns());
                created.createdBy = subject.user();
                return created.<OwnTable>persist()
                        .call(persisted -> audit.record(subject.user(), AuditAction.TABLE_UPLOAD, persisted.auditType(), id,
                                persisted.organization, null, persisted.auditDetail()));
            }));
            return Response.created(URI.create("/api/v1/tables/" + id)).entity(table.toView()).build();
        } catch (Throwable notRecorded) {
            runner.delete(id); // nothing half-stored: a table not recorded here is not kept there
            throw notRecorded;
        }
    }

    /** Bytes this upload may have: the upload limit, and what is left of the organization's quota; 409/413 otherwise. */
    private Uni<Long> room(String organization, String alias) {
        return policy.evaluate(TableQuota.PATH, Map.of(), TableQuota.class).map(answer -> answer.result())
                .flatMap(quota -> Panache.withSession(() -> OwnTable.count("organization = ?1 and alias = ?2 and state <> ?3",
                                organization, alias, TableState.DELETED)
                        .flatMap(taken -> {
                            if (taken > 0) {
                                throw new TableProblems.AliasTaken(alias);
                            }
                            return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                                            "select count(t), coalesce(sum(t.bytes), 0) from OwnTable t where t.organization = :organization"
                                                    + " and t.state <> :deleted", Object[].class)
                                    .setParameter("organization", organization).setParameter("deleted", TableState.DELETED)
                                    .getSingleResult());
                        })
                        .map(row -> {
                            long tables = ((Number) row[0]).longValue();
                            long bytes = ((Number) row[1]).longValue();
                            if (tables >= quota.max_tables()) {
                                throw new TableProblems.QuotaExceeded("number of tables", quota.max_tables(), tables + 1);
                            }
                            if (bytes >= quota.max_bytes()) {
                                throw new TableProblems.QuotaExceeded("bytes stored", quota.max_bytes(), bytes);
                            }
                            return Math.min(quota.max_upload_bytes(), quota.max_bytes() - bytes);
                        })));
    }

    /** The organization's tables (not deleted), newest first. */
    @GET
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listTables", summary = "Your tables / 本机构的自有数据",
            description = "Your organization's tables that are not deleted, newest first: metadata only, never rows.")
    public Uni<Page<TableView>> list() {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.TABLE_LIST, OwnTable.resource(null, subject.organization(), null))
                .flatMap(allowed -> OwnTable.<OwnTable>list("organization = ?1 and state <> ?2 order by createdAt desc",
                        subject.organization(), TableState.DELETED))
                .map(tables -> new Page<>(tables.stream().map(OwnTable::toView).toList(), tables.size(), 0, tables.size()));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getTable", summary = "A table / 自有数据表",
            description = "Metadata only: its columns, size and checksum; once deleted, its receipt.")
    public Uni<TableView> get(@PathParam("id") UUID id) {
        return visible(id, currentSubject.get()).map(OwnTable::toView);
    }

    /** UPLOADED → CONFIRMED: every inferred column with its tag (and bounds, join key); then jobs may read it. */
    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "confirmTable", summary = "Confirm the columns / 确认列标签",
            description = "UPLOADED → CONFIRMED. Every inferred column by name with its tag; types stay as inferred.")
    public Uni<TableView> confirm(@PathParam("id") UUID id, TableConfirmation confirmation) {
        Subject subject = currentSubject.get();
        return transitions.run(TableTransition.CONFIRM, subject, () -> found(id),
                        Change.<OwnTable>with(table -> table.columns = new OwnTable.Columns(
                                ConfirmationCheck.of(confirmation, table.columns.columns()))))
                .map(OwnTable::toView);
    }

    /**
     * Deletes the table and every stored result derived from it, inside the domain; answers the table with its receipt,
     * which the audit chain records ({@code table.delete}).
     */
    @DELETE
    @Path("/{id}")
    @Blocking
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "deleteTable", summary = "Delete a table / 删除自有数据",
            description = "Removes every copy and every result derived from it; the answer carries the deletion receipt.")
    public TableView delete(@PathParam("id") UUID id) throws Throwable {
        Subject subject = currentSubject.get();
        OwnTable table = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> visible(id, subject)
                // the deletion itself is authorized before anything is removed (the transition asks again, in its transaction)
                .call(found -> guard.require(subject, TableTransition.DELETE.operation(),
                        found.asResource()))));
        List<UUID> jobs = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> JobTables.jobsReading(id)));
        String sha256 = table.sha256;
        long bytes = table.bytes;
        if (table.state() != TableState.DELETED) {
            try {
                DeletedTable deleted = runner.delete(id);
                sha256 = deleted.sha256();
                bytes = deleted.bytes();
            } catch (SandboxRefusal gone) {
                if (gone.status() != 404) { // gone already (a deletion that stopped half-way): its checksum is the one recorded
                    throw gone;
                }
            }
            jobs.forEach(runner::deleteResult);
        }
        DeletionReceipt receipt = new DeletionReceipt(id, table.alias, sha256, bytes, table.rowCount, jobs,
                OffsetDateTime.now(clock), subject.user());
        // in the transition's transaction: the derived results' jobs expire with the table's receipt
        OwnTable deleted = VertxContextSupport.subscribeAndAwait(() -> transitions.run(TableTransition.DELETE, subject,
                () -> found(id), Change.<OwnTable>prepared(gone -> JobTables.expireResults(jobs, OffsetDateTime.now(clock)),
                        gone -> gone.receipt = receipt)));
        return deleted.toView();
    }

    /** The table, for a transition (whose one question to OPA answers 404 for what the caller may not see). */
    private static Uni<OwnTable> found(UUID id) {
        return OwnTable.<OwnTable>findById(id).onItem().ifNull().failWith(() -> new TableProblems.TableNotFound(id));
    }

    /** The table if the caller may read it; another organization's is a 404, not a 403. */
    private Uni<OwnTable> visible(UUID id, Subject subject) {
        return found(id).call(table -> guard.require(subject, Operation.TABLE_READ, table.asResource())
                .onFailure(OperationDenied.class).transform(denied -> subject.authenticated()
                        && !((OperationDenied) denied).subjectRefused() ? new TableProblems.TableNotFound(id) : denied));
    }
}
