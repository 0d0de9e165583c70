package io.pdx.marketplace.sandbox;

import io.pdx.contracts.licensing.ReviewNote;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.sandbox.JobRequest;
import io.pdx.contracts.sandbox.JobState;
import io.pdx.contracts.sandbox.JobView;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.problem.IllegalTransition;
import io.pdx.marketplace.problem.InvalidParameter;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationDenied;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Sandbox jobs (数据可用不可见): submit SQL or a template under a SANDBOX license, follow the job,
 * fetch its released result as an Arrow IPC stream (or a JSON preview of its first 100 rows); the
 * bureau releases or rejects results that wait for review. Another organization's job is a 404.
 */
@Path("/api/v1/sandbox/jobs")
public class JobResource {

    public static final String ARROW_STREAM = "application/vnd.apache.arrow.stream";
    static final int PREVIEW_ROWS = 100;

    private final JobSubmission submission;
    private final JobWorker worker;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final RunnerStreams streams;
    private final AuditLog audit;
    private final JobSignals signals;
    private final PrivacySpending spending;

    public JobResource(JobSubmission submission, JobWorker worker, OperationGuard guard, CurrentSubject currentSubject,
                       RunnerStreams streams, AuditLog audit, JobSignals signals, PrivacySpending spending) {
        this.spending = spending;
        this.signals = signals;
        this.submission = submission;
        this.worker = worker;
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.streams = streams;
        this.audit = audit;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> submit(JobRequest request) {
        Subject subject = currentSubject.get();
        return submitted(subject, request)
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
        waitMillis(wait); // a bad wait is refused before anything is submitted
        return relay(submitted(subject, request).flatMap(job -> released(job.id, subject, false, wait)), false);
    }

    private Uni<SandboxJob> submitted(Subject subject, JobRequest request) {
        return submission.submit(subject, request).invoke(admitted -> {
            if (admitted.job().state == JobState.RUNNING) {
                worker.runStarted(admitted.job(), admitted.data()); // started in its admission: this instance was idle
            } else {
                worker.kick();
            }
        }).map(JobSubmission.Admitted::job);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    public Uni<List<JobView>> list(@QueryParam("state") JobState state) {
        Subject subject = currentSubject.get();
        return guard.require(subject, "job.list", resource(null, subject.organization(), null))
                .flatMap(allowed -> {
                    boolean bureau = subject.roles().contains("bureau-reviewer") || subject.roles().contains("bureau-admin");
                    Sort sort = Sort.by("createdAt").descending();
                    if (bureau) {
                        return state == null ? SandboxJob.<SandboxJob>listAll(sort) : SandboxJob.<SandboxJob>list("state", sort, state);
                    }
                    return state == null ? SandboxJob.<SandboxJob>list("organization", sort, subject.organization())
                            : SandboxJob.<SandboxJob>list("organization = ?1 and state = ?2", sort, subject.organization(), state);
                })
                .map(jobs -> jobs.stream().limit(500).map(job -> job.toView(bureau(subject), null)).toList());
    }

    /** The job; with {@code wait} (e.g. PT10S, at most 30 s) the answer waits until the job stops running. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}")
    public Uni<JobView> get(@PathParam("id") UUID id, @QueryParam("wait") String wait) {
        Subject subject = currentSubject.get();
        return readableOnceSettled(id, subject, "job.read", wait).flatMap(job -> withBudget(job, subject));
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
     * The job if the caller may read it ({@link #readable}), after waiting until it stops moving or
     * {@code wait} passes.
     */
    private Uni<SandboxJob> readableOnceSettled(UUID id, Subject subject, String operation, String wait) {
        if (waitMillis(wait) == 0) {
            return Panache.withSession(() -> readable(id, subject, operation));
        }
        return settled(id, () -> readable(id, subject, operation), deadline(wait));
    }

    private static long deadline(String wait) {
        return System.nanoTime() + Math.min(waitMillis(wait), 30_000) * 1_000_000;
    }

    private static long waitMillis(String wait) {
        if (wait == null || wait.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Duration.parse(wait).toMillis());
        } catch (java.time.format.DateTimeParseException notADuration) {
            throw new InvalidParameter("wait", "an ISO-8601 duration such as PT10S");
        }
    }

    /**
     * The job as {@code read} finds it once it stops moving, or as it is at the deadline. Listens
     * before each read, so a change committed between the read and the wait is not missed; reads
     * again when woken (or after {@link JobSignals#FALLBACK}).
     */
    private Uni<SandboxJob> settled(UUID id, Supplier<Uni<SandboxJob>> read, long deadline) {
        CompletableFuture<Void> signal = signals.listen(id);
        return Panache.withSession(read)
                .onFailure().invoke(() -> signals.forget(id, signal))
                .flatMap(job -> {
                    long left = deadline - System.nanoTime();
                    if (!moving(job) || left <= 0) {
                        signals.forget(id, signal);
                        return Uni.createFrom().item(job);
                    }
                    return signals.await(id, signal, Duration.ofNanos(left))
                            .flatMap(woken -> settled(id, () -> SandboxJob.findById(id), deadline));
                });
    }

    private static boolean moving(SandboxJob job) {
        return job.state == JobState.QUEUED || job.state == JobState.ADMITTED || job.state == JobState.RUNNING
                || job.state == JobState.SUCCEEDED;
    }

    /**
     * The released result. No @Produces: the content type is the runner's (Arrow, or JSON for the
     * preview), set on the streamed response. With {@code wait} (at most 30 s) the answer first waits
     * until the job stops running, so a client needs no separate look at the job: submit, then read.
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
        return waitMillis(wait) == 0
                ? Panache.withTransaction(() -> readable(id, subject, "job.result").call(job -> download(job, subject, json)))
                : readableOnceSettled(id, subject, "job.result", wait)
                        .call(job -> Panache.withTransaction(() -> download(job, subject, json)));
    }

    /** The released job's result (or its JSON preview) relayed from sandbox-runner. */
    private RestMulti<Buffer> relay(Uni<SandboxJob> released, boolean json) {
        return streams.relay(released.flatMap(job -> streams.open(HttpMethod.GET, "/internal/v1/jobs/" + job.resultOwner()
                        + (json ? "/preview?rows=" + PREVIEW_ROWS : "/result"), null)
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
        return licenseInForce(job).flatMap(ignored -> audit.record(subject.user(), "job.download", "sandbox_job", job.id, job.organization,
                null, Map.of("sqlSha256", job.sqlSha256, "format", json ? "json" : "arrow")));
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
     * The bureau releases a result that waits for review: the job must be AWAITING_RELEASE and its license in
     * force. A result follows its stored result, not its job: every job that shares it (a repeated statement)
     * is released with it — the same bytes everywhere.
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}/release")
    @WithTransaction
    public Uni<JobView> release(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return readable(id, subject, "job.read")
                .call(job -> guard.require(subject, "job.release", resource(job, job.organization, job.submittedBy)))
                .invoke(job -> {
                    if (job.state != JobState.AWAITING_RELEASE) {
                        throw new IllegalTransition("Sandbox job", job.id, job.state, JobState.RELEASED);
                    }
                })
                .call(JobResource::licenseInForce)
                .call(job -> sharing(job).flatMap(jobs -> decideAll(jobs, JobState.RELEASED, subject, null)))
                .call(Panache::flush)
                .invoke(job -> signals.changed(job.id))
                .map(job -> job.toView(true, null));
    }

    /** The bureau rejects a result that waits for review, and with it every job that shares that result. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<JobView> reject(@PathParam("id") UUID id, ReviewNote note) {
        Subject subject = currentSubject.get();
        return readable(id, subject, "job.read")
                .call(job -> guard.require(subject, "job.reject", resource(job, job.organization, job.submittedBy)))
                .invoke(job -> {
                    if (note == null || note.reason() == null || note.reason().isBlank() || note.reason().length() > 1000) {
                        throw new JobProblems.InvalidJob(List.of(new FieldError("reason",
                                "a rejection states its reason, at most 1000 characters")));
                    }
                    if (job.state != JobState.AWAITING_RELEASE) {
                        throw new IllegalTransition("Sandbox job", job.id, job.state, JobState.REJECTED);
                    }
                })
                .call(job -> sharing(job).flatMap(jobs -> decideAll(jobs, JobState.REJECTED, subject, note.reason().strip())))
                .call(Panache::flush)
                .invoke(job -> signals.changed(job.id))
                .map(job -> job.toView(true, null));
    }

    /** The jobs that share {@code job}'s stored result, itself included. */
    private static Uni<List<SandboxJob>> sharing(SandboxJob job) {
        UUID owner = job.resultOwner();
        return SandboxJob.<SandboxJob>list("id = ?1 or reusedFrom = ?1", owner).map(jobs -> {
            if (jobs.stream().noneMatch(shared -> shared.id.equals(job.id))) {
                jobs.add(job);
            }
            return jobs;
        });
    }

    /** Moves each waiting job that shares the result to {@code to}, audited one by one. */
    private Uni<Void> decideAll(List<SandboxJob> jobs, JobState to, Subject subject, String reason) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SandboxJob shared : jobs) {
            if (shared.state != JobState.AWAITING_RELEASE && shared.state != JobState.SUCCEEDED) {
                continue;
            }
            chain = chain.flatMap(ignored -> {
                shared.moveTo(to);
                shared.reviewedBy = subject.user();
                shared.reviewNote = reason;
                Map<String, Object> detail = new java.util.TreeMap<>();
                detail.put("sqlSha256", shared.sqlSha256);
                detail.put("resultOwner", shared.resultOwner().toString());
                if (to == JobState.RELEASED && shared.summary != null) {
                    detail.put("rows", shared.summary.rowCount());
                }
                return audit.record(subject.user(), to == JobState.RELEASED ? "job.release" : "job.reject", "sandbox_job",
                        shared.id, shared.organization, null, detail)
                        .call(() -> to == JobState.RELEASED ? worker.meterRelease(shared) : Uni.createFrom().voidItem())
                        .replaceWithVoid();
            });
        }
        return chain;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Path("/{id}/cancel")
    @WithTransaction
    public Uni<JobView> cancel(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return readable(id, subject, "job.read")
                .call(job -> guard.require(subject, "job.submit", resource(job, job.organization, null)))
                .invoke(job -> {
                    job.moveTo(JobState.CANCELLED);
                    job.refund(); // cancelled before it ran: it read nothing
                })
                .call(job -> audit.record(subject.user(), "job.cancel", "sandbox_job", job.id, job.organization, null,
                        Map.of("sqlSha256", job.sqlSha256, "refunded", true)))
                .call(Panache::flush)
                .map(job -> job.toView(bureau(subject), null));
    }

    /** The job if the caller may read it; another organization's answers 404, not 403. */
    private Uni<SandboxJob> readable(UUID id, Subject subject, String operation) {
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
