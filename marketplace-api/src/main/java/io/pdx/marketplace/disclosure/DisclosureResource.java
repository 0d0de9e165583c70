package io.pdx.marketplace.disclosure;

import io.pdx.contracts.Page;
import io.pdx.contracts.disclosure.DisclosureStatus;
import io.pdx.contracts.disclosure.DisclosureView;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.problem.ProblemException;
import io.pdx.marketplace.security.BureauRoles;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The annual disclosure of 授权运营 (due by 31 March of the next year): the bureau prepares a year's draft from the
 * ledger and the licenses and publishes it once the year is over; anyone reads what is published — its figures
 * (JSON, the exact bytes whose SHA-256 the audit chain holds), an HTML page and a PDF. Drafts are the bureau's.
 */
@Path("/api/v1/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger")
public class DisclosureResource {

    private static final String YEAR = "/{year}";

    private final AnnualDisclosures disclosures;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;

    public DisclosureResource(AnnualDisclosures disclosures, OperationGuard guard, CurrentSubject currentSubject) {
        this.disclosures = disclosures;
        this.guard = guard;
        this.currentSubject = currentSubject;
    }

    @GET
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listDisclosures", summary = "Annual disclosures / 年度披露",
            description = "The published disclosures, newest year first (the bureau sees drafts too); figures are left out here: read one year for them.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    public Uni<Page<DisclosureView>> list() {
        Subject subject = currentSubject.get();
        boolean bureau = BureauRoles.oversees(subject);
        return guard.require(subject, Operation.DISCLOSURE_LIST, new AuthzInput.Resource("disclosure", null, null, null, null))
                .flatMap(allowed -> (bureau ? AnnualDisclosure.<AnnualDisclosure>listAll(Sort.descending("year"))
                        : AnnualDisclosure.<AnnualDisclosure>list("status", Sort.descending("year"), DisclosureStatus.PUBLISHED)))
                .map(found -> {
                    List<DisclosureView> views = found.stream().map(disclosure -> disclosure.toView(null)).toList();
                    return new Page<>(views, views.size(), 0, Math.max(1, views.size()));
                });
    }

    @GET
    @Path(YEAR)
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getDisclosure", summary = "A year's disclosure / 年度披露",
            description = "The figures with the due date, publication and both SHA-256 digests; 404 for a year not published (unless the bureau asks).")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = "the disclosure", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureView.class)))
    @APIResponse(responseCode = "404", description = "Not published / 未发布")
    public Uni<DisclosureView> get(@PathParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "9999")) int year) {
        return visible(year).map(disclosure -> disclosure.toView(disclosures.content(disclosure)));
    }

    @GET
    @Path(YEAR + "/json")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getDisclosureFigures", summary = "A year's figures as hashed / 年度披露数据",
            description = "The figures exactly as stored: their SHA-256 is the contentSha256 the audit chain holds.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = "the figures", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = io.pdx.contracts.disclosure.DisclosureContent.class)))
    @APIResponse(responseCode = "404", description = "Not published / 未发布")
    public Uni<Response> figures(@PathParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "9999")) int year) {
        return visible(year).map(disclosure -> Response.ok(disclosure.content.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON)
                .header("Digest", "sha-256=" + disclosure.contentSha256).build());
    }

    @GET
    @Path(YEAR + "/pdf")
    @Produces("application/pdf")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getDisclosurePdf", summary = "A year's disclosure as PDF / 年度披露 PDF",
            description = "The PDF whose SHA-256 is the pdfSha256 the audit chain holds.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = "PDF", content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Not published / 未发布")
    public Uni<Response> pdf(@PathParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "9999")) int year) {
        return visible(year).map(disclosure -> Response.ok(disclosure.pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"pdx-disclosure-" + year + ".pdf\"").build());
    }

    @GET
    @Path(YEAR + "/html")
    @Produces(MediaType.TEXT_HTML)
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getDisclosureHtml", summary = "A year's disclosure as a web page / 年度披露网页",
            description = "The same document as the PDF, as a self-contained HTML page.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = "HTML", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Not published / 未发布")
    public Uni<Response> html(@PathParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "9999")) int year) {
        return visible(year).map(disclosure -> Response.ok(DisclosureHtml.render(DisclosureDocument.of(disclosures.content(disclosure),
                disclosure.preparedAt)), MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).build());
    }

    /**
     * The bureau draws the year's figures into a draft again (or the first time), from the ledger and the licenses as they
     * are now; both digests go to the audit chain. 409 once published; 422 for a year to come.
     */
    @POST
    @Path(YEAR + "/prepare")
    @io.quarkus.security.Authenticated
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "prepareDisclosure", summary = "Prepare a year's disclosure / 编制年度披露",
            description = "Draws the year's authorizations, products, fees and revenue into a DRAFT (replacing an earlier draft), with its PDF; the bureau administrator only.")
    @APIResponse(responseCode = "200", description = "the draft", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureView.class)))
    @APIResponse(responseCode = "409", description = "Published already / 已发布")
    @APIResponse(responseCode = "422", description = "A year to come / 年度未到")
    public Uni<DisclosureView> prepare(@PathParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "9999")) int year) {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.DISCLOSURE_PREPARE, new AuthzInput.Resource("disclosure", Integer.toString(year), null, null, null))
                .invoke(allowed -> {
                    if (year < AnnualDisclosures.FIRST_YEAR || year > disclosures.currentYear()) {
                        throw new YearOutOfRange(year, disclosures.currentYear());
                    }
                })
                .flatMap(allowed -> disclosures.prepare(year, subject.user()))
                .map(disclosure -> disclosure.toView(disclosures.content(disclosure)));
    }

    /** DRAFT → PUBLISHED, once the year is over; final. */
    @POST
    @Path(YEAR + "/publish")
    @io.quarkus.security.Authenticated
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "publishDisclosure", summary = "Publish a year's disclosure / 发布年度披露",
            description = "Publishes the draft (after the year is over; late after 31 March of the next year, which the view says). Never changed after.")
    @APIResponse(responseCode = "200", description = "the published disclosure", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureView.class)))
    @APIResponse(responseCode = "404", description = "No draft of that year / 无草稿")
    @APIResponse(responseCode = "409", description = "Published already, or the year is not over / 已发布或年度未结束")
    public Uni<DisclosureView> publish(@PathParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "9999")) int year) {
        return disclosures.publish(year, currentSubject.get()).map(disclosure -> disclosure.toView(disclosures.content(disclosure)));
    }

    /** A published disclosure, or a draft for the bureau; else 404 (a draft is not told apart from none). */
    private Uni<AnnualDisclosure> visible(int year) {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.DISCLOSURE_READ, new AuthzInput.Resource("disclosure", Integer.toString(year), null, null, null))
                .flatMap(allowed -> AnnualDisclosure.<AnnualDisclosure>findById(year))
                .map(found -> {
                    if (found == null || found.state() != DisclosureStatus.PUBLISHED && !BureauRoles.oversees(subject)) {
                        throw new DisclosureNotFound(year);
                    }
                    return found;
                });
    }

    /** A year before the first or not yet begun: 422. */
    static final class YearOutOfRange extends ProblemException {
        YearOutOfRange(int year, int current) {
            super(422, "year-out-of-range", "Year out of range / 年度超出范围",
                    "A disclosure is prepared for a year from " + AnnualDisclosures.FIRST_YEAR + " to " + current + "; " + year + " is not one.");
        }
    }
}
