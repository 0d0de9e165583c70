package io.pdx.marketplace.sandbox;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import jakarta.ws.rs.core.MediaType;
import io.pdx.marketplace.security.Operation;
import io.pdx.contracts.Grade;
import io.pdx.contracts.licensing.LicenseState;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.product.PriceKind;
import io.pdx.contracts.runner.DeliveryRequest;
import io.pdx.marketplace.audit.AuditAction;
import io.pdx.marketplace.audit.AuditLog;
import io.pdx.marketplace.sandbox.runner.SandboxRunner;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.ledger.Charges;
import io.pdx.marketplace.licensing.License;
import io.pdx.marketplace.licensing.LicenseExpiry;
import io.pdx.marketplace.product.Product;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import io.pdx.contracts.runner.ResultFormat;
import io.pdx.marketplace.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestMulti;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Delivery (数据交付) under an ACTIVE DELIVERY license of GENERAL data: the licensed columns,
 * IDENTIFIER columns never, streamed from sandbox-runner as Arrow IPC ({@code ?format=json} for JSON).
 * The license's state and term are checked at each request, so a suspension, or the end of the term, stops the
 * next delivery (not only once the periodic expiry has moved the license to EXPIRED). Metered
 * per 1,000 rows or per call at the product's price; audited.
 */
@Path("/api/v1/products/{id}/delivery")
@Tag(name = "products")
// only authenticated callers: 401 before any lookup or validation (an anonymous caller is never told 404 or 400)
@io.quarkus.security.Authenticated
public class DeliveryResource {

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final SandboxRunner runner;
    private final AuditLog audit;
    private final Charges charges;
    private final Clock clock;

    public DeliveryResource(OperationGuard guard, CurrentSubject currentSubject, SandboxRunner runner, AuditLog audit,
                            Charges charges, Clock clock) {
        this.clock = clock;
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.runner = runner;
        this.audit = audit;
        this.charges = charges;
    }

    record Delivery(License license, Dataset dataset, Product product, DeliveryRequest request) {
    }

    /** No @Produces: the content type is the runner's (Arrow or JSON), set on the streamed response. */
    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "deliverProduct", summary = "Delivery of licensed data / 数据交付", description = "The licensed columns of a GENERAL dataset under an ACTIVE DELIVERY license of your organization, identifiers never included: an Arrow IPC stream (default), one Parquet file or JSON. Metered per the product's price.")
    @APIResponse(responseCode = "200", description = "the rows (Content-Disposition names the file)", content = {@Content(mediaType = ResultFormat.ARROW_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = ResultFormat.PARQUET_FILE, schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, description = "the first rows, one JSON object per row (a preview)"))})
    public RestMulti<Buffer> deliver(@PathParam("id") UUID productId, @QueryParam("format") @Parameter(description = "arrow (an Arrow IPC stream, the default), parquet (one Parquet file) or json (a preview)", schema = @Schema(type = SchemaType.STRING, enumeration = {"arrow", "parquet", "json"}, defaultValue = "arrow")) String format,
                                     @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647")) String limitText) {
        Subject subject = currentSubject.get();
        ResultFormat chosen = ResultFormats.of(format);
        Long limit = limitText == null ? null : (long) PageRequest.integer("limit", limitText, 0, 0, Integer.MAX_VALUE);
        Uni<Delivery> admitted = guard.require(subject, Operation.PRODUCT_DELIVERY,
                        new AuthzInput.Resource("product", productId.toString(), subject.organization(), null, null))
                .flatMap(allowed -> Panache.withTransaction(() -> prepare(subject, productId, limit)
                        .call(delivery -> audit.record(subject.user(), AuditAction.PRODUCT_DELIVERY, "license", delivery.license().id,
                                delivery.license().organization, null, Map.of("productId", productId.toString(),
                                        "format", chosen.parameter(), "limit", String.valueOf(limit))))))
                .call(delivery -> meter(delivery, subject));
        return runner.relayDownload(admitted.flatMap(delivery -> runner.delivery(delivery.request(), chosen)
                .map(response -> new SandboxRunner.Download(response, chosen == ResultFormat.JSON ? null
                        : "pdx-delivery-" + delivery.dataset().dataFile.replace(".parquet", "") + "." + chosen.extension()))));
    }

    private Uni<Delivery> prepare(Subject subject, UUID productId, Long limit) {
        if (limit != null && limit < 0) {
            throw new JobProblems.InvalidJob(List.of(new io.pdx.contracts.problem.Problem.FieldError("limit", "must be 0 or more")));
        }
        return License.<License>find("organization = ?1 and productId = ?2 and mode = ?4 and state in ?3",
                        Sort.by("createdAt").descending(), subject.organization(), productId,
                        List.of(LicenseState.ACTIVE, LicenseState.SUSPENDED, LicenseState.APPROVED),
                        io.pdx.contracts.product.LicenseMode.DELIVERY)
                .list()
                // a license in force now if there is one, else the newest, whose state or term says why not
                .map(licenses -> licenses.stream().filter(license -> license.inForce(clock)).findFirst()
                        .orElse(licenses.isEmpty() ? null : licenses.get(0)))
                .onItem().ifNull().failWith(() -> new JobProblems.DeliveryRefused("no_delivery_license",
                        "本机构没有该产品的交付授权", "Your organization has no delivery license for this product"))
                .flatMap(license -> {
                    if (license.state() != LicenseState.ACTIVE) {
                        throw new JobProblems.DeliveryRefused("license_not_active", "授权未处于生效状态", "The license is not active");
                    }
                    // the term is checked at each request, whatever the expiry job has done so far
                    if (!license.inForce(clock)) {
                        throw license.termEnd != null && LocalDate.now(clock.withZone(LicenseExpiry.BUREAU_ZONE)).isAfter(license.termEnd)
                                ? new JobProblems.DeliveryRefused("license_expired", "授权已过期", "The license term has ended")
                                : new JobProblems.DeliveryRefused("license_not_started", "授权期限尚未开始",
                                        "The license term has not started");
                    }
                    return Dataset.<Dataset>findById(license.datasetId).flatMap(dataset -> {
                        if (dataset.grade != Grade.GENERAL) {
                            throw new JobProblems.DeliveryRefused("mode_not_allowed_for_grade", "该数据分级不允许交付",
                                    "Only general data is delivered");
                        }
                        return Product.<Product>findById(license.productId).map(product -> new Delivery(license, dataset, product,
                                new DeliveryRequest(LicensedData.forDelivery(license, dataset), limit)));
                    });
                });
    }

    private Uni<?> meter(Delivery delivery, Subject subject) {
        long rows = delivery.request().limit() == null ? delivery.dataset().rowCount
                : Math.min(delivery.request().limit(), delivery.dataset().rowCount);
        if (delivery.product().priceKind == PriceKind.PER_PERIOD) {
            return Uni.createFrom().voidItem();
        }
        return delivery.product().priceKind == PriceKind.PER_1000_ROWS
                ? charges.charge(delivery.license().id, Charges.Unit.ROWS, rows, subject.user())
                : charges.charge(delivery.license().id, Charges.Unit.CALL, 1, subject.user());
    }
}
