package io.pdx.marketplace.sandbox;

import io.pdx.contracts.licensing.ReviewNote;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.sandbox.JobView;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.sandbox.runner.SandboxRefusal;
import io.pdx.marketplace.sandbox.runner.SandboxRunner;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestMulti;

import java.net.URI;
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

    public JobResource(JobSubmission submission, JobLifecycle lifecycle, JobWaits waits, OperationGuard guard,
                       CurrentSubject currentSubject, SandboxRunner runner, AuditLog audit, PrivacySpending spending,
                       JobMetering metering) {
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
    public Uni<Response> submit(JobRequest request) {
        Subject subject = currentSubject.get();
        return submission.submit(subject, request).map(JobSubmission.Admitted::job)
                .map(job -> Response.accepted(job.toView(bureau(subject), null)).location(URI.create("/api/v1/sandbox/jobs/" + job.id)).build());
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
    public RestMulti<Buffer> submitAndRead(JobRequest request, @QueryParam("wait") @DefaultValue("PT30S") String wait) {
        Subject subject = currentSubject.get();
        JobWaits.millis(wait); // a bad wait is refused before anything is submitted
        return relay(submission.submit(subject, request).map(JobSubmission.Admitted::job)
                .flatMap(job -> released(job.id, subject, false, wait)), false);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    public Uni<List<JobView>> list(@QueryParam("state") JobState state) {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.JOB_LIST, resource(null, subject.organization(), null))
                .flatMap(allowed -> {
                    Sort sort = Sort.by("createdAt").descending();
                    if (bureau(subject)) {
                        return state == null ? SandboxJob.<SandboxJob>listAll(sort) : SandboxJob.<SandboxJob>list("state", sort, state);
                    }
                    return state == null ? SandboxJob.<SandboxJob>list("organization", sort, subject.organization())
                            : SandboxJob.<SandboxJob>list("organization = ?1 and state = ?2", sort, subject.organization(), state);
                })
                .map(jobs -> jobs.stream().limit(500).map(job -> job.toView(bureau(subject), null)).toList());
    }

    /** The job; with {@code wait} (e.g. PT10S, at most 30 s) the answer waits until the job stops moving. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}")
    public Uni<JobView> get(@PathParam("id") UUID id, @QueryParam("wait") String wait) {
        Subject subject = currentSubject.get();
        return waits.settled(id, () -> readable(id, subject, Operation.JOB_READ), wait).flatMap(job -> withBudget(job, subject));
    }

    /** The view of one job, with the organization's privacy budget on its dataset (grades with noise). */
    private Uni<JobView> withBudget(SandboxJob job, Subject subject) {
        return Panache.withSession(() -> spending.budget(job.organization, job.datasetId, job.controls))
                .map(budget -> job.toView(bureau(subject), budget));
    }

    /** The bureau sees what the output controls left before release; a job's requester does not. */
    static boolean bureau(Subject subject) {
        return subject.roles().contains("bureau-reviewer") || subject.roles().contains("bureau-admin");
    }

    /**
     * The released result. No @Produces: the content type is the runner's (Arrow, or JSON for the
     * preview), set on the streamed response. With {@code wait} (at most 30 s) the answer first waits
     * until the job stops moving, so a client needs no separate look at the job: submit, then read.
     */
    @GET
    @Path("/{id}/result")
    public RestMulti<Buffer> result(@PathParam("id") UUID id, @QueryParam("format") @DefaultValue("arrow") String format,
                                    @QueryParam("wait") String wait) {
        Subject subject = currentSubject.get();
        boolean json = "json".equals(format);
        return relay(released(id, subject, json, wait), json);
    }

    /** The job, once released (after waiting, with {@code wait}); the download audited. */
    private Uni<SandboxJob> released(UUID id, Subject subject, boolean json, String wait) {
        return waits.settled(id, () -> readable(id, subject, Operation.JOB_RESULT), wait)
                .call(job -> Panache.withTransaction(() -> download(job, subject, json)));
    }

    /** The released job's result (or its JSON preview) relayed from sandbox-runner. */
    private RestMulti<Buffer> relay(Uni<SandboxJob> released, boolean json) {
        return runner.relay(released.flatMap(job -> runner.result(job.resultOwner(), json, PREVIEW_ROWS)
                .onFailure(SandboxRefusal.class).transform(gone -> new JobProblems.ResultUnavailable(job.id, "has expired", 410))));
    }

    /**
     * Refuses a result that is not released, has expired, or whose license is not in force right now; audits
     * the download (in the caller's transaction).
     */
    private Uni<?> download(SandboxJob job, Subject subject, boolean json) {
        if (job.state != JobState.RELEASED) {
            throw new JobProblems.ResultUnavailable(job.id, "is not released; the job is " + job.state, 409);
        }
        if (job.expiresAt != null && job.expiresAt.isBefore(OffsetDateTime.now())) {
            throw new JobProblems.ResultUnavailable(job.id, "has expired", 410);
        }
        return licenseInForce(job).flatMap(ignored -> audit.record(subject.user(), AuditAction.JOB_DOWNLOAD, "sandbox_job",
                job.id, job.organization, null, Map.of("sqlSha256", job.sqlSha256, "format", json ? "json" : "arrow")));
    }

    /** The job's license, when it is in force now; 403 license_not_active otherwise. */
    private static Uni<License> licenseInForce(SandboxJob job) {
        return License.<License>findById(job.licenseId).invoke(license -> {
            if (license == null || !license.inForce()) {
                throw new JobProblems.LicenseNotActive(job.licenseId);
            }
        });
    }

    /**
     * The bureau releases a result that waits for review (AWAITING_RELEASE, under a license in force). A result
     * follows its stored result, not its job: every job that shares it (a repeated statement) is released with it.
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}/release")
    public Uni<JobView> release(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return lifecycle.review(() -> readable(id, subject, Operation.JOB_READ).call(JobResource::licenseInForce),
                        JobTransition.RELEASE, subject, null, metering::meterReleased)
                .map(job -> job.toView(true, null));
    }

    /** The bureau rejects a result that waits for review, and with it every job that shares that result. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<JobView> reject(@PathParam("id") UUID id, ReviewNote note) {
        Subject subject = currentSubject.get();
        if (note == null || note.reason() == null || note.reason().isBlank() || note.reason().length() > 1000) {
            throw new JobProblems.InvalidJob(List.of(new FieldError("reason", "a rejection states its reason, at most 1000 characters")));
        }
        return lifecycle.review(() -> readable(id, subject, Operation.JOB_READ), JobTransition.REJECT, subject,
                        note.reason().strip(), rejected -> Uni.createFrom().voidItem())
                .map(job -> job.toView(true, null));
    }

    /** The developer cancels a job that has not started; it read nothing, so its charge is given back. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}/cancel")
    public Uni<JobView> cancel(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return lifecycle.cancel(id, subject, () -> readable(id, subject, Operation.JOB_READ))
                .map(job -> job.toView(bureau(subject), null));
    }

    /** The job if the caller may read it; another organization's answers 404, not 403. */
    private Uni<SandboxJob> readable(UUID id, Subject subject, Operation operation) {
        return SandboxJob.<SandboxJob>findById(id)
                .onItem().ifNull().failWith(() -> new JobProblems.JobNotFound(id))
                .call(job -> guard.require(subject, operation, resource(job, job.organization, null))
                        .onFailure(OperationDenied.class).transform(denied -> subject.authenticated()
                                ? new JobProblems.JobNotFound(id) : denied));
    }

    private static AuthzInput.Resource resource(SandboxJob job, String organization, String createdBy) {
        return new AuthzInput.Resource("job", job == null ? null : job.id.toString(), organization, null, createdBy);
    }
}
