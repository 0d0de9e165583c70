package io.pdx.marketplace.sandbox;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.pdx.contracts.licensing.ReviewNote;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.sandbox.JobView;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.sandbox.admission.JobSubmission;
import io.pdx.marketplace.sandbox.admission.PrivacySpending;
import io.pdx.marketplace.sandbox.runner.SandboxRefusal;
import io.pdx.marketplace.sandbox.runner.SandboxRunner;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.BureauRoles;
import io.pdx.marketplace.security.OperationDenied;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.pdx.contracts.runner.ResultFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.pdx.contracts.Page;
import io.pdx.marketplace.sandbox.tables.JobTables;
import io.pdx.contracts.sandbox.PrivacyBudget;
import io.pdx.marketplace.paging.PageRequest;
import io.pdx.marketplace.problem.EnumParameter;
import io.pdx.marketplace.problem.UuidParameter;
import java.util.HashMap;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestMulti;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sandbox jobs (数据可用不可见): submit SQL or a template under a SANDBOX license, follow the job,
 * fetch its released result as an Arrow IPC stream (or a JSON preview of its first 100 rows); the
 * bureau releases or rejects results that wait for review. Another organization's job is a 404.
 * Submission is {@link JobSubmission}'s, waiting {@link JobWaits}', every state change {@link JobLifecycle}'s.
 */
@Path("/api/v1/sandbox/jobs")
@Tag(name = "sandbox")
// only authenticated callers: 401 before any lookup or validation (an anonymous caller is never told 404 or 400)
@io.quarkus.security.Authenticated
public class JobResource {

    public static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";
    static final int PREVIEW_ROWS = 100;

    private final JobSubmission submission;
    private final JobLifecycle lifecycle;
    private final JobWaits waits;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final SandboxRunner runner;
    private final AuditLog audit;
    private final PrivacySpending spending;
    private final JobMetering metering;
    private final Clock clock;

    public JobResource(JobSubmission submission, JobLifecycle lifecycle, JobWaits waits, OperationGuard guard,
                       CurrentSubject currentSubject, SandboxRunner runner, AuditLog audit, PrivacySpending spending,
                       JobMetering metering, Clock clock) {
        this.clock = clock;
        this.metering = metering;
        this.submission = submission;
        this.lifecycle = lifecycle;
        this.waits = waits;
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.runner = runner;
        this.audit = audit;
        this.spending = spending;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "submitJob", summary = "Submit a job / 提交作业", description = "A SQL statement or a template with parameters under a SANDBOX license. Asked with Accept: application/vnd.apache.arrow.stream the answer is the released result itself (waiting at most wait, 30 s by default); otherwise 202 with the job (with wait, after it stops moving).")
    @APIResponse(responseCode = "202", description = "the job, with Location", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No license licenseId of your organization / 授权不存在")
    @APIResponse(responseCode = "200", description = "the released result, when asked for with Accept", content = {@Content(mediaType = ResultFormat.ARROW_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = ResultFormat.PARQUET_FILE, schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = io.pdx.contracts.sandbox.ResultPreview.class))})
    public Uni<Response> submit(JobRequest request, @QueryParam("wait") @Parameter(description = "ISO-8601 duration to wait for the job to stop moving, at most PT30S", schema = @Schema(type = SchemaType.STRING, pattern = "^PT([0-9]|[12][0-9]|30)S$", examples = "PT10S")) String wait) {
        Subject subject = currentSubject.get();
        JobWaits.millis(wait); // a bad wait is refused before anything is submitted
        Uni<SandboxJob> admitted = submission.submit(subject, request).map(JobSubmission.Admitted::job);
        Uni<JobView> view = wait == null
                ? admitted.flatMap(job -> view(job, bureau(subject), null))
                : admitted.flatMap(job -> waits.settled(job.id, () -> readable(job.id, subject, Operation.JOB_READ), wait, bureau(subject)))
                .flatMap(job -> withBudget(job, subject));
        return view.map(job -> Response.accepted(job).location(URI.create("/api/v1/sandbox/jobs/" + job.id())).build());
    }

    /**
     * Submit and read in one call, for clients that want the result rather than the job: asked with
     * {@code Accept: application/vnd.apache.arrow.stream}, the answer is the released result (as
     * {@code GET …/{id}/result?wait=…} gives it, waiting at most {@code wait}, 30 s by default). A job
     * that is not released by then answers the problem that names it and its state; it goes on as
     * any job, under the id the problem gives.
     */
    @POST
    @Produces(ARROW_STREAM)
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "submitJob", summary = "Submit a job / 提交作业", description = "A SQL statement or a template with parameters under a SANDBOX license. Asked with Accept: application/vnd.apache.arrow.stream the answer is the released result itself (waiting at most wait, 30 s by default); otherwise 202 with the job (with wait, after it stops moving).")
    @APIResponse(responseCode = "202", description = "the job, with Location", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No license licenseId of your organization / 授权不存在")
    @APIResponse(responseCode = "200", description = "the released result, when asked for with Accept", content = {@Content(mediaType = ResultFormat.ARROW_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = ResultFormat.PARQUET_FILE, schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = io.pdx.contracts.sandbox.ResultPreview.class))})
    public RestMulti<Buffer> submitAndRead(JobRequest request, @QueryParam("wait") @Parameter(description = "ISO-8601 duration to wait for the job to stop moving, at most PT30S", schema = @Schema(type = SchemaType.STRING, pattern = "^PT([0-9]|[12][0-9]|30)S$", examples = "PT10S")) @DefaultValue("PT30S") String wait) {
        Subject subject = currentSubject.get();
        JobWaits.millis(wait); // a bad wait is refused before anything is submitted
        return relay(submission.submit(subject, request).map(JobSubmission.Admitted::job)
                .flatMap(job -> released(job.id, subject, ResultFormat.ARROW, wait)), ResultFormat.ARROW);
    }

    /** Jobs, newest first: the caller's organization's, every one for the bureau; {@code state} narrows. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listJobs", summary = "List jobs / 作业列表", description = "Your organization's jobs, or every one for the bureau; newest first.")
    public Uni<Page<JobView>> list(@QueryParam("state") @Parameter(schema = @Schema(implementation = JobState.class)) String state,
                                   @QueryParam("licenseId") @Parameter(description = "Only the jobs run under this license", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String licenseId,
                                   @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
                                   @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        JobState wanted = EnumParameter.parse("state", state, JobState.class);
        UUID license = UuidParameter.parse("licenseId", licenseId);
        PageRequest paging = PageRequest.of(page, size);
        Subject subject = currentSubject.get();
        boolean bureau = bureau(subject);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> values = new HashMap<>();
        if (!bureau) {
            where.append(" and organization = :organization");
            values.put("organization", subject.organization());
        }
        if (wanted != null && bureau) {
            where.append(" and state = :state");
            values.put("state", wanted);
        } else if (wanted != null) {
            // the requester filters on the state it sees: a job whose slot has not ended is ADMITTED, then RUNNING
            String hidden = "(visibleAt is not null and visibleAt > :now and state <> :cancelled)";
            String whileHidden = wanted == JobState.ADMITTED ? " or (" + hidden + " and slotStart > :now)"
                    : wanted == JobState.RUNNING ? " or (" + hidden + " and (slotStart is null or slotStart <= :now))" : "";
            where.append(" and ((not ").append(hidden).append(" and state = :state)").append(whileHidden).append(")");
            values.put("state", wanted);
            values.put("now", OffsetDateTime.now(clock));
            values.put("cancelled", JobState.CANCELLED);
        }
        if (license != null) {
            where.append(" and licenseId = :license");
            values.put("license", license);
        }
        Sort newest = Sort.by("createdAt").descending().and("id");
        return guard.require(subject, Operation.JOB_LIST, resource(null, subject.organization(), null))
                .flatMap(allowed -> paging.page(SandboxJob.<SandboxJob>find(where.toString(), newest, values), job -> job))
                .flatMap(jobs -> JoinedRead.licensesOf(jobs.items().stream().map(job -> job.id).toList())
                        .flatMap(joined -> JobTables.tablesOf(jobs.items().stream().map(job -> job.id).toList())
                                .map(tables -> new Page<>(jobs.items().stream().map(job -> job.toView(bureau, null,
                                        OffsetDateTime.now(clock), joined.getOrDefault(job.id, List.of()),
                                        tables.getOrDefault(job.id, List.of()))).toList(), jobs.total(), jobs.page(), jobs.size()))));
    }

    /** The job; with {@code wait} (e.g. PT10S, at most 30 s) the answer waits until the job stops moving. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getJob", summary = "Read a job / 查看作业", description = "Nothing computed from the data is shown to the requester before release. With wait (ISO-8601, at most PT30S) the answer waits until the job stops moving.")
    public Uni<JobView> get(@PathParam("id") UUID id, @QueryParam("wait") @Parameter(description = "ISO-8601 duration to wait for the job to stop moving, at most PT30S", schema = @Schema(type = SchemaType.STRING, pattern = "^PT([0-9]|[12][0-9]|30)S$", examples = "PT10S")) String wait) {
        Subject subject = currentSubject.get();
        return waits.settled(id, () -> readable(id, subject, Operation.JOB_READ), wait, bureau(subject))
                .flatMap(job -> withBudget(job, subject));
    }

    /** The view of one job, with the organization's privacy budget on its dataset (grades with noise). */
    private Uni<JobView> withBudget(SandboxJob job, Subject subject) {
        return Panache.withSession(() -> spending.budget(job.organization, job.datasetId, job.controls))
                .flatMap(budget -> view(job, bureau(subject), budget));
    }

    /** The view of one job, with the licenses it joins (a clean room). */
    private Uni<JobView> view(SandboxJob job, boolean bureau, PrivacyBudget budget) {
        return Panache.withSession(() -> JoinedRead.licensesOf(List.of(job.id))
                        .flatMap(joined -> JobTables.tablesOf(List.of(job.id)).map(tables -> job.toView(bureau, budget,
                                OffsetDateTime.now(clock), joined.getOrDefault(job.id, List.of()), tables.getOrDefault(job.id, List.of())))));
    }

    /** The bureau sees what the output controls left before release; a job's requester does not. */
    static boolean bureau(Subject subject) {
        return BureauRoles.of(subject);
    }

    /**
     * The released result. No @Produces: the content type is the runner's (Arrow, or JSON for the
     * preview), set on the streamed response. With {@code wait} (at most 30 s) the answer first waits
     * until the job stops moving, so a client needs no separate look at the job: submit, then read.
     */
    @GET
    @Path("/{id}/result")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getJobResult", summary = "Download a released result / 下载结果", description = "The released result as an Arrow IPC stream (default), one Parquet file (format=parquet) or a JSON preview (format=json); schema metadata names the grade, noise and ε, each column its tag, aggregate and whether it is noised.")
    @APIResponse(responseCode = "200", description = "the released result (Content-Disposition names the file)", content = {@Content(mediaType = ResultFormat.ARROW_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = ResultFormat.PARQUET_FILE, schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = io.pdx.contracts.sandbox.ResultPreview.class))})
    public RestMulti<Buffer> result(@PathParam("id") UUID id, @QueryParam("format") @Parameter(description = "arrow (an Arrow IPC stream, the default), parquet (one Parquet file) or json (a preview)", schema = @Schema(type = SchemaType.STRING, enumeration = {"arrow", "parquet", "json"}, defaultValue = "arrow")) String format, @QueryParam("wait") @Parameter(description = "ISO-8601 duration to wait for the job to stop moving, at most PT30S", schema = @Schema(type = SchemaType.STRING, pattern = "^PT([0-9]|[12][0-9]|30)S$", examples = "PT10S")) String wait) {
        Subject subject = currentSubject.get();
        ResultFormat chosen = ResultFormats.of(format);
        JobWaits.millis(wait);
        return relay(released(id, subject, chosen, wait), chosen);
    }

    /** The job, once released (after waiting, with {@code wait}); the download audited. */
    private Uni<SandboxJob> released(UUID id, Subject subject, ResultFormat format, String wait) {
        return waits.settled(id, () -> readable(id, subject, Operation.JOB_RESULT), wait, bureau(subject))
                .call(job -> Panache.withTransaction(() -> download(job, subject, format)));
    }

    /** The released job's result (or its JSON preview) relayed from sandbox-runner, named after the job. */
    private RestMulti<Buffer> relay(Uni<SandboxJob> released, ResultFormat format) {
        return runner.relayDownload(released.flatMap(job -> runner.result(job.resultOwner(), format, PREVIEW_ROWS)
                .onFailure(SandboxRefusal.class).transform(gone -> new JobProblems.ResultUnavailable(job.id, "has expired", 410))
                .map(response -> new SandboxRunner.Download(response,
                        format == ResultFormat.JSON ? null : "pdx-job-" + job.id + "." + format.extension()))));
    }

    /**
     * Refuses a result that is not released, has expired, or whose license is not in force right now; audits
     * the download (in the caller's transaction).
     */
    private Uni<?> download(SandboxJob job, Subject subject, ResultFormat format) {
        boolean bureau = bureau(subject);
        OffsetDateTime now = OffsetDateTime.now(clock);
        JobState shown = bureau ? job.state() : job.visibleState(now);
        if (shown != JobState.RELEASED) {
            throw new JobProblems.ResultUnavailable(job.id, "is not released; the job is " + shown, 409);
        }
        OffsetDateTime expiry = bureau ? job.expiresAt : job.requesterExpiry();
        if (expiry != null && expiry.isBefore(now)) {
            throw new JobProblems.ResultUnavailable(job.id, "has expired", 410);
        }
        return licenseInForce(job).flatMap(ignored -> audit.record(subject.user(), AuditAction.JOB_DOWNLOAD, "sandbox_job",
                job.id, job.organization, null, Map.of("sqlSha256", job.sqlSha256, "format", format.parameter())));
    }

    /** Nothing when every license the job read under is in force now; 403 license_not_active naming one otherwise. */
    private Uni<Void> licenseInForce(SandboxJob job) {
        return JobLicenses.firstNotInForce(job, clock).invoke(lapsed -> {
            if (lapsed != null) {
                throw new JobProblems.LicenseNotActive(lapsed);
            }
        }).replaceWithVoid();
    }

    /**
     * The bureau releases a result that waits for review (AWAITING_RELEASE, under a license in force). A result
     * follows its stored result, not its job: every job that shares it (a repeated statement) is released with it.
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}/release")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "releaseJob", summary = "Release a result / 放行结果", description = "A bureau reviewer releases a result AWAITING_RELEASE, under a license in force.")
    public Uni<JobView> release(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return lifecycle.review(() -> found(id), JobTransition.RELEASE, subject, null, this::licenseInForce)
                .flatMap(job -> view(job, true, null));
    }

    /** The bureau rejects a result that waits for review, and with it every job that shares that result. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "rejectJob", summary = "Reject a result / 驳回结果", description = "A bureau reviewer rejects a result AWAITING_RELEASE, with a reason.")
    public Uni<JobView> reject(@PathParam("id") UUID id, ReviewNote note) {
        Subject subject = currentSubject.get();
        io.pdx.marketplace.problem.FieldCheck check = new io.pdx.marketplace.problem.FieldCheck();
        if (note == null || note.reason() == null) {
            check.schema("reason", "a rejection states its reason, at most 1000 characters");
        } else {
            check.text("reason", note.reason(), true, false, ReviewNote.MAX_REASON);
        }
        if (!check.valid()) {
            throw new JobProblems.InvalidJob(check);
        }
        return lifecycle.review(() -> found(id), JobTransition.REJECT, subject, note.reason().strip(), job -> Uni.createFrom().voidItem())
                .flatMap(job -> view(job, true, null));
    }

    /**
     * The developer cancels a job whose slot has not begun; it read nothing, so its charge is given back. Once the slot
     * began the answer is 409 whether or not the run has started (when it starts is not the requester's to learn).
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}/cancel")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "cancelJob", summary = "Cancel a job / 取消作业", description = "The requester cancels a job whose slot has not begun; its privacy charge is given back.")
    public Uni<JobView> cancel(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return lifecycle.cancel(subject, () -> found(id), job -> {
                    if (!bureau(subject) && job.slotStart != null && !OffsetDateTime.now(clock).isBefore(job.slotStart)) {
                        throw new JobProblems.SlotBegun(job.id, job.visibleState(OffsetDateTime.now(clock)));
                    }
                })
                .flatMap(job -> view(job, bureau(subject), null));
    }

    /** The job, for a transition (whose one question to OPA answers 404 for what the caller may not see). */
    private static Uni<SandboxJob> found(UUID id) {
        return SandboxJob.<SandboxJob>findById(id).onItem().ifNull().failWith(() -> new JobProblems.JobNotFound(id));
    }

    /** The job if the caller may read it; another organization's answers 404, not 403. */
    private Uni<SandboxJob> readable(UUID id, Subject subject, Operation operation) {
        return SandboxJob.<SandboxJob>findById(id)
                .onItem().ifNull().failWith(() -> new JobProblems.JobNotFound(id))
                .call(job -> guard.require(subject, operation, resource(job, job.organization, null))
                        .onFailure(OperationDenied.class).transform(denied -> subject.authenticated()
                                && !((OperationDenied) denied).subjectRefused() ? new JobProblems.JobNotFound(id) : denied));
    }

    private static AuthzInput.Resource resource(SandboxJob job, String organization, String createdBy) {
        return new AuthzInput.Resource("job", job == null ? null : job.id.toString(), organization, null, createdBy);
    }
}
