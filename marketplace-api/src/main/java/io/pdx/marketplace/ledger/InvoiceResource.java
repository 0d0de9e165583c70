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
 * The invoice lines (账单): an operator's own organization's, or every one for the bureau and the regulator, each with
 * where it stands and the steps the caller may take — the bureau records a payment or reverses a charge
 * ({@link InvoiceTransition}, through {@link Invoices}).
 */
@Path("/api/v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger")
// only authenticated callers: 401 before any lookup or validation (an anonymous caller is never told 404 or 400)
@io.quarkus.security.Authenticated
public class InvoiceResource {

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final Invoices invoices;

    public InvoiceResource(OperationGuard guard, CurrentSubject currentSubject, Invoices invoices) {
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.invoices = invoices;
    }

    /** Invoice lines, newest first: an operator's own organization's, or all for the bureau. */
    @GET
        @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listInvoices", summary = "Invoice lines / 账单明细", description = "Your organization's, or every organization's for the bureau.")
    public Uni<Page<InvoiceLineView>> invoices(@QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
                                               @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")) String size) {
        PageRequest paging = PageRequest.of(page, size);
        Subject subject = currentSubject.get();
        String organization = BureauRoles.oversees(subject) ? null : subject.organization();
        return guard.require(subject, Operation.INVOICE_LIST, new AuthzInput.Resource("invoice", null, organization, null, null))
                .flatMap(allowed -> paging.page(organization == null
                        ? InvoiceLine.<InvoiceLine>findAll(Sort.by("createdAt").descending())
                        : InvoiceLine.<InvoiceLine>find("organization", Sort.by("createdAt").descending(), organization),
                        InvoiceLine::toView));
    }

    /** One invoice line: the operator's own organization's, or any for the bureau and the regulator; 404 otherwise. */
    @GET
    @Path("/{id}")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getInvoiceLine", summary = "An invoice line / 账单明细",
            description = "Where it stands (issued, overdue, paid with its receipt, reversed) and what the caller may do with it now.")
    @APIResponse(responseCode = "200", description = "the line", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InvoiceLineView.class)))
    @APIResponse(responseCode = "404", description = "No such invoice line visible to you / 账单明细不存在")
    public Uni<InvoiceLineView> invoice(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return InvoiceLine.<InvoiceLine>findById(id)
                .onItem().ifNull().failWith(() -> new Charges.InvoiceLineNotFound(id))
                .call(line -> guard.require(subject, Operation.INVOICE_READ, line.asResource())
                        .onFailure(io.pdx.marketplace.security.OperationDenied.class)
                        .transform(denied -> new Charges.InvoiceLineNotFound(id)))
                .map(InvoiceLine::toView);
    }

    /**
     * Reverses a charge (冲销): the opposite journal is posted and the line marked reversed, never edited; the reason goes
     * to the audit chain. The bureau only.
     */
    @POST
    @Path("/{id}/reverse")
    @Consumes(MediaType.APPLICATION_JSON)
    @io.quarkus.security.Authenticated
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "reverseInvoiceLine", summary = "Reverse a charge / 冲销账单明细",
            description = "Posts the opposite journal of the line's charge (debit public-finance revenue, credit the operator's receivable) and marks the line reversed; the line itself is never edited. The reason is recorded in the audit chain. The bureau only.")
    @APIResponse(responseCode = "200", description = "the reversed line", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InvoiceLineView.class)))
    @APIResponse(responseCode = "404", description = "No such invoice line / 账单明细不存在")
    @APIResponse(responseCode = "403", description = "Not the bureau administrator / 无权冲销")
    @APIResponse(responseCode = "409", description = "Reversed or paid already, or nothing was posted (a free use) / 已冲销、已缴款或未记账")
    public Uni<InvoiceLineView> reverse(@PathParam("id") UUID id, InvoiceReversal request) {
        Subject subject = currentSubject.get();
        FieldCheck check = new FieldCheck();
        check.text("reason", request == null ? null : request.reason(), true, false, InvoiceReversal.MAX_REASON);
        if (!check.valid()) {
            throw new InvalidReversal(check);
        }
        return invoices.reverse(id, subject, request.reason().trim())
                .map(InvoiceLine::toView);
    }

    /**
     * Records the payment of a charge (收款确认): the receivable is cleared into the treasury by a balanced journal and a
     * numbered 非税收入 receipt is issued for the year. The bureau administrator only.
     */
    @POST
    @Path("/{id}/pay")
    @Consumes(MediaType.APPLICATION_JSON)
    @io.quarkus.security.Authenticated
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "payInvoiceLine", summary = "Record a payment / 收款确认",
            description = "ISSUED or OVERDUE → PAID: posts the payment (debit the treasury, credit the operator's receivable) with its reference and issues the year's next 非税收入 receipt number. The bureau administrator only.")
    @APIResponse(responseCode = "200", description = "the paid line with its receipt number", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InvoiceLineView.class)))
    @APIResponse(responseCode = "403", description = "Not the bureau administrator / 无权确认收款")
    @APIResponse(responseCode = "404", description = "No such invoice line / 账单明细不存在")
    @APIResponse(responseCode = "409", description = "Paid or reversed already, or nothing to pay (a free use) / 已缴款、已冲销或无需缴款")
    public Uni<InvoiceLineView> pay(@PathParam("id") UUID id, io.pdx.contracts.ledger.InvoicePayment request) {
        Subject subject = currentSubject.get();
        FieldCheck check = new FieldCheck();
        check.text("reference", request == null ? null : request.reference(), true, false,
                io.pdx.contracts.ledger.InvoicePayment.MAX_REFERENCE);
        if (!check.valid()) {
            throw new InvalidReversal(check);
        }
        return invoices.pay(id, subject, request.reference().trim()).map(InvoiceLine::toView);
    }

    /** A reversal request that breaks its schema (400) or a rule (422). */
    static final class InvalidReversal extends ProblemException {
        InvalidReversal(FieldCheck check) {
            super(check.status(), "invalid-request", "Invalid request / 请求无效",
                    check.errors().size() + " field(s) of the request are invalid.", check.errors());
        }
    }
}
