package io.pdx.marketplace.ledger;

import io.pdx.contracts.Page;
import io.pdx.contracts.identity.Uscc;
import io.pdx.contracts.ledger.AllowanceRequest;
import io.pdx.contracts.ledger.AllowanceView;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.organization.Organization;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.problem.ProblemException;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 最高准许收入: the bureau sets an operator's maximum allowed revenue for this year or a year to come (cost + allowed
 * profit + tax, with its basis); the operator and the bureau read, year by year, the revenue the ledger holds against
 * it, the excess and the deduction it makes from the next year's allowance.
 */
@Path("/api/v1/allowances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger")
@io.quarkus.security.Authenticated
public class AllowanceResource {

    static final ZoneId BUREAU = io.pdx.marketplace.time.BureauTime.ZONE;
    static final String REVENUE_BY_YEAR = "SELECT extract(year FROM e.created_at AT TIME ZONE 'Asia/Shanghai')::int AS y,"
            + " sum(e.credit_fen - e.debit_fen) FROM ledger_entry e JOIN invoice_line i ON i.id = e.invoice_line_id"
            + " WHERE i.organization = $1 AND e.account = $2 GROUP BY y";
    private static final BigDecimal MAX_PART = new BigDecimal(AllowanceRequest.MAX_FEN);

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final AuditLog audit;
    private final Clock clock;
    private final Pool pool;

    public AllowanceResource(OperationGuard guard, CurrentSubject currentSubject, AuditLog audit, Clock clock, Pool pool) {
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.audit = audit;
        this.clock = clock;
        this.pool = pool;
    }

    @GET
    @Path("/{organization}")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listAllowances", summary = "An operator's allowed revenue / 最高准许收入",
            description = "Every year with an allowance, oldest first: the allowance and its parts, the previous year's excess deducted, the revenue the ledger holds (net of reversals), what remains and the excess. The operator's own organization, or any for the bureau.")
    @APIResponse(responseCode = "200", description = "the operator's allowances, oldest year first")
    @APIResponse(responseCode = "404", description = "No such organization visible to you / 主体不存在")
    public Uni<Page<AllowanceView>> list(@PathParam("organization") @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = Uscc.PATTERN)) String organization) {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.ALLOWANCE_READ, new AuthzInput.Resource("allowance", null, organization, null, null))
                .flatMap(allowed -> Organization.<Organization>findById(organization))
                .onItem().ifNull().failWith(() -> new OperatorNotFound(organization))
                .flatMap(found -> views(organization))
                .map(views -> new Page<>(views, views.size(), 0, Math.max(1, views.size())));
    }

    @PUT
    @Path("/{organization}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "setAllowance", summary = "Set an operator's allowed revenue / 核定最高准许收入",
            description = "The bureau administrator sets the maximum allowed revenue of an operator for this year or a year to come (a year that is over is not changed: 409), as cost + profit + tax in whole fen with its basis. Audited as allowance.set.")
    @APIResponse(responseCode = "200", description = "the year's allowance with the revenue against it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllowanceView.class)))
    @APIResponse(responseCode = "404", description = "No such organization / 主体不存在")
    @APIResponse(responseCode = "409", description = "The year is over / 期间已结束")
    public Uni<AllowanceView> set(@PathParam("organization") @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = Uscc.PATTERN)) String organization,
                                  @PathParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "9999")) int year,
                                  AllowanceRequest request) {
        Subject subject = currentSubject.get();
        FieldCheck check = new FieldCheck();
        Long cost = part(check, "costFen", request == null ? null : request.costFen());
        Long profit = part(check, "profitFen", request == null ? null : request.profitFen());
        Long tax = part(check, "taxFen", request == null ? null : request.taxFen());
        check.text("basis", request == null ? null : request.basis(), true, false, AllowanceRequest.MAX_BASIS);
        if (!check.valid()) {
            throw new InvalidAllowance(check);
        }
        return guard.require(subject, Operation.ALLOWANCE_SET, new AuthzInput.Resource("allowance", organization + "/" + year, organization, null, null))
                .invoke(allowed -> {
                    if (year < LocalDate.now(clock.withZone(BUREAU)).getYear()) {
                        throw new YearClosed(year);
                    }
                })
                .flatMap(allowed -> Panache.withTransaction(() -> Organization.<Organization>findById(organization)
                        .onItem().ifNull().failWith(() -> new OperatorNotFound(organization))
                        .flatMap(found -> RevenueAllowance.<RevenueAllowance>findById(new RevenueAllowance.Key(organization, year),
                                LockModeType.PESSIMISTIC_WRITE))
                        .flatMap(found -> {
                            RevenueAllowance allowance = found == null ? new RevenueAllowance() : found;
                            allowance.organization = organization;
                            allowance.year = year;
                            allowance.costFen = cost;
                            allowance.profitFen = profit;
                            allowance.taxFen = tax;
                            allowance.basis = request.basis().trim();
                            allowance.setBy = subject.user();
                            allowance.setAt = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                            Uni<RevenueAllowance> saved = found == null ? allowance.persist() : Uni.createFrom().item(allowance);
                            return saved.call(kept -> audit.record(subject.user(), AuditAction.ALLOWANCE_SET, "allowance",
                                    organization + "/" + year, organization, null, Map.of("year", year, "costFen", cost,
                                            "profitFen", profit, "taxFen", tax, "allowanceFen", kept.allowanceFen(), "basis", kept.basis)));
                        })))
                .flatMap(saved -> Panache.withSession(() -> views(organization)))
                .map(views -> views.stream().filter(view -> view.year() == year).findFirst().orElseThrow());
    }

    private Uni<List<AllowanceView>> views(String organization) {
        return RevenueAllowance.<RevenueAllowance>list("organization", organization)
                .flatMap(allowances -> pool.preparedQuery(REVENUE_BY_YEAR).execute(Tuple.of(organization, LedgerEntry.PUBLIC_FINANCE_REVENUE))
                        .map(rows -> {
                            Map<Integer, Long> revenue = new HashMap<>();
                            rows.forEach(row -> revenue.put(row.getInteger(0), row.getLong(1)));
                            return AllowanceCarry.views(allowances, revenue);
                        }));
    }

    private static Long part(FieldCheck check, String field, BigDecimal value) {
        if (value == null) {
            check.schema(field, "is required (whole fen)");
        } else if (value.signum() < 0) {
            check.schema(field, "must be 0 or more");
        } else if (value.stripTrailingZeros().scale() > 0) {
            check.schema(field, "must be a whole number of fen (分)");
        } else if (value.compareTo(MAX_PART) > 0) {
            check.schema(field, "is at most " + AllowanceRequest.MAX_FEN + " fen");
        } else {
            return value.longValueExact();
        }
        return null;
    }

    /** Bad fields: 400 (schema) or 422 (rule), naming each. */
    static final class InvalidAllowance extends ProblemException {
        InvalidAllowance(FieldCheck check) {
            super(check.status(), "invalid-request", "Invalid request / 请求无效",
                    check.errors().size() + " field(s) of the allowance are invalid.", check.errors());
        }
    }

    /** No such organization, or not the caller's: 404. */
    static final class OperatorNotFound extends ProblemException {
        OperatorNotFound(String organization) {
            super(404, "organization-not-found", "Organization not found / 主体不存在", "No organization " + organization + " is visible to you.");
        }
    }

    /** A year that is over keeps its allowance: 409. */
    static final class YearClosed extends ProblemException {
        YearClosed(int year) {
            super(409, "year-closed", "Year closed / 期间已结束",
                    "The allowance of " + year + " is not changed: the year is over and its excess is carried into the next.");
        }
    }
}
