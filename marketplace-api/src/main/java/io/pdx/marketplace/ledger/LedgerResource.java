package io.pdx.marketplace.ledger;

import io.pdx.marketplace.security.Operation;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** The revenue ledger for the bureau, and each operator's own invoice lines. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    static final int MAX_ENTRIES = 500;

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;

    public LedgerResource(OperationGuard guard, CurrentSubject currentSubject) {
        this.guard = guard;
        this.currentSubject = currentSubject;
    }

    /** The latest entries and the totals over the whole ledger (debits equal credits when it balances). */
    @GET
    @Path("/ledger")
    @WithSession
    public Uni<Map<String, Object>> ledger() {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.LEDGER_READ, new AuthzInput.Resource("ledger", null, null, null, null))
                .flatMap(allowed -> LedgerEntry.<LedgerEntry>findAll(Sort.by("seq").descending()).page(0, MAX_ENTRIES).list())
                .flatMap(entries -> LedgerEntry.getSession().flatMap(session -> session
                                .createSelectionQuery("select coalesce(sum(debitFen), 0), coalesce(sum(creditFen), 0) from LedgerEntry",
                                        Object[].class).getSingleResult())
                        .map(totals -> Map.<String, Object>of("entries", entries, "totalDebitFen", totals[0],
                                "totalCreditFen", totals[1], "balanced", totals[0].equals(totals[1]))));
    }

    /** Invoice lines: an operator's own organization's, or all for the bureau. */
    @GET
    @Path("/invoices")
    @WithSession
    public Uni<List<InvoiceLine>> invoices() {
        Subject subject = currentSubject.get();
        boolean bureau = subject.roles().contains("bureau-admin") || subject.roles().contains("bureau-reviewer");
        return guard.require(subject, Operation.INVOICE_LIST,
                        new AuthzInput.Resource("invoice", null, bureau ? null : subject.organization(), null, null))
                .flatMap(allowed -> bureau
                        ? InvoiceLine.<InvoiceLine>findAll(Sort.by("createdAt").descending()).page(0, MAX_ENTRIES).list()
                        : InvoiceLine.<InvoiceLine>find("organization", Sort.by("createdAt").descending(), subject.organization())
                        .page(0, MAX_ENTRIES).list());
    }
}
