package io.pdx.marketplace.sandbox;

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
import org.jboss.resteasy.reactive.RestMulti;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Delivery (数据交付) under an ACTIVE DELIVERY license of GENERAL data: the licensed columns,
 * IDENTIFIER columns never, streamed from sandbox-runner as Arrow IPC ({@code ?format=json} for JSON).
 * The license's state is checked at each request, so a suspension stops the next delivery. Metered
 * per 1,000 rows or per call at the product's price; audited.
 */
@Path("/api/v1/products/{id}/delivery")
public class DeliveryResource {

    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final SandboxRunner runner;
    private final AuditLog audit;
    private final Charges charges;

    public DeliveryResource(OperationGuard guard, CurrentSubject currentSubject, SandboxRunner runner, AuditLog audit,
                            Charges charges) {
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
    public RestMulti<Buffer> deliver(@PathParam("id") UUID productId, @QueryParam("format") @DefaultValue("arrow") String format,
                                     @QueryParam("limit") Long limit) {
        Subject subject = currentSubject.get();
        boolean json = "json".equals(format);
        Uni<Delivery> admitted = guard.require(subject, Operation.PRODUCT_DELIVERY,
                        new AuthzInput.Resource("product", productId.toString(), subject.organization(), null, null))
                .flatMap(allowed -> Panache.withTransaction(() -> prepare(subject, productId, limit)
                        .call(delivery -> audit.record(subject.user(), AuditAction.PRODUCT_DELIVERY, "license", delivery.license().id,
                                delivery.license().organization, null, Map.of("productId", productId.toString(),
                                        "format", json ? "json" : "arrow", "limit", String.valueOf(limit))))))
                .call(delivery -> meter(delivery, subject));
        return runner.relay(admitted.flatMap(delivery -> runner.delivery(delivery.request(), json)));
    }

    private Uni<Delivery> prepare(Subject subject, UUID productId, Long limit) {
        if (limit != null && limit < 0) {
            throw new JobProblems.InvalidJob(List.of(new io.pdx.contracts.problem.Problem.FieldError("limit", "must be 0 or more")));
        }
        return License.<License>find("organization = ?1 and productId = ?2 and mode = ?4 and state in ?3",
                        Sort.by("createdAt").descending(), subject.organization(), productId,
                        List.of(LicenseState.ACTIVE, LicenseState.SUSPENDED, LicenseState.APPROVED),
                        io.pdx.contracts.product.LicenseMode.DELIVERY)
                .firstResult()
                .onItem().ifNull().failWith(() -> new JobProblems.DeliveryRefused("no_delivery_license",
                        "本机构没有该产品的交付授权", "Your organization has no delivery license for this product"))
                .flatMap(license -> {
                    if (license.state != LicenseState.ACTIVE) {
                        throw new JobProblems.DeliveryRefused("license_not_active", "授权未处于生效状态", "The license is not active");
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
