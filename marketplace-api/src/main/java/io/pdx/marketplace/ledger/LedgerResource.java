package io.pdx.marketplace.ledger;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.pdx.contracts.Page;
import io.pdx.contracts.ledger.InvoiceLineView;
import io.pdx.contracts.ledger.InvoiceReversal;
import io.pdx.marketplace.problem.FieldCheck;
import io.pdx.marketplace.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.pdx.contracts.ledger.LedgerPage;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.paging.PageRequest;
import io.pdx.marketplace.security.BureauRoles;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The revenue ledger and its closed months: the bureau sees every organization's entries, an operator its own
 * organization's only (the policy says who may read; the queries below say what). Invoice lines: {@link InvoiceResource}.
 */
@Path("/api/v1/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger")
// only authenticated callers: 401 before any lookup or validation (an anonymous caller is never told 404 or 400)
@io.quarkus.security.Authenticated
public class LedgerResource {

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final LedgerPeriods periods;

    public LedgerResource(OperationGuard guard, CurrentSubject currentSubject, LedgerPeriods periods) {
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.periods = periods;
    }

    /** Ledger entries, newest first, with the totals over every entry the caller may see (debits equal credits when it balances). */
    @GET
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getLedger", summary = "Ledger entries / 总账", description = "Newest first, with totals over every entry the caller may see.")
    public Uni<LedgerPage> ledger(@QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
                                  @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        PageRequest paging = PageRequest.of(page, size);
        Subject subject = currentSubject.get();
        String organization = bureau(subject) ? null : subject.organization();
        return guard.require(subject, Operation.LEDGER_READ, new AuthzInput.Resource("ledger", null, organization, null, null))
                .flatMap(allowed -> paging.page(organization == null
                        ? LedgerEntry.<LedgerEntry>findAll(Sort.by("seq").descending())
                        : LedgerEntry.<LedgerEntry>find("organization", Sort.by("seq").descending(), organization), LedgerEntry::toView))
                .flatMap(entries -> LedgerEntry.getSession().flatMap(session -> (organization == null
                                ? session.createSelectionQuery("select coalesce(sum(debitFen), 0), coalesce(sum(creditFen), 0) from LedgerEntry",
                                Object[].class)
                                : session.createSelectionQuery("select coalesce(sum(debitFen), 0), coalesce(sum(creditFen), 0) from LedgerEntry"
                                + " where organization = :organization", Object[].class).setParameter("organization", organization))
                        .getSingleResult())
                        .map(totals -> {
                            long debit = ((Number) totals[0]).longValue();
                            long credit = ((Number) totals[1]).longValue();
                            return new LedgerPage(entries.items(), entries.total(), entries.page(), entries.size(), debit, credit,
                                    debit == credit);
                        }));
    }

    /** The closed months of the ledger, newest first, with their frozen figures (the bureau admin and the regulator). */
    @GET
    @Path("/periods")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listLedgerPeriods", summary = "Closed periods / 已结账期间",
            description = "Every closed month, newest first: entries, debits, credits, public-finance revenue and the fingerprint of its entries.")
    public Uni<java.util.List<io.pdx.contracts.ledger.LedgerPeriodView>> periods() {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.LEDGER_PERIODS, new AuthzInput.Resource("ledger", null, null, null, null))
                .flatMap(allowed -> LedgerPeriod.<LedgerPeriod>listAll(Sort.descending("period")))
                .map(periods -> periods.stream().map(LedgerPeriod::toView).toList());
    }

    /**
     * Closes a month of the ledger that is over (结账): its figures are frozen and the database refuses any posting dated
     * in it from then on; a correction is a journal in an open month. Never undone. The bureau administrator only.
     */
    @POST
    @Path("/periods/{period}/close")
    @io.quarkus.security.Authenticated
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "closeLedgerPeriod", summary = "Close a period / 结账",
            description = "Freezes the month's figures (Asia/Shanghai): entries, debits, credits, revenue and a SHA-256 over its entries; later postings in it are refused. 409 while the month runs, or once closed.")
    @APIResponse(responseCode = "200", description = "the closed period", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = io.pdx.contracts.ledger.LedgerPeriodView.class)))
    @APIResponse(responseCode = "400", description = "Not a month / 期间无效")
    @APIResponse(responseCode = "403", description = "Not the bureau administrator / 无权结账")
    @APIResponse(responseCode = "409", description = "The month is not over, or closed already / 期间未结束或已结账")
    public Uni<io.pdx.contracts.ledger.LedgerPeriodView> close(@PathParam("period") @Parameter(description = "The month, e.g. 2026-11", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$")) String period) {
        Subject subject = currentSubject.get();
        java.time.YearMonth month;
        try {
            month = java.time.YearMonth.parse(period);
        } catch (java.time.format.DateTimeParseException notAMonth) {
            throw new io.pdx.marketplace.problem.InvalidParameter("period", "a month, e.g. 2026-11");
        }
        java.time.YearMonth closing = month;
        return guard.require(subject, Operation.LEDGER_CLOSE, new AuthzInput.Resource("ledger", period, null, null, null))
                .flatMap(allowed -> periods.close(closing, subject.user()))
                .map(LedgerPeriod::toView);
    }


    static boolean bureau(Subject subject) {
        return BureauRoles.oversees(subject);
    }
}
