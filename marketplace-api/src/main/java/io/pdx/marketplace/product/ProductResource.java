package io.pdx.marketplace.product;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.pdx.marketplace.security.Operation;
import io.pdx.contracts.catalog.RegistrationStatus;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.contracts.problem.Problem.FieldError;
import io.pdx.contracts.product.LicenseMode;
import io.pdx.contracts.product.PriceKind;
import io.pdx.contracts.product.PricePeriod;
import io.pdx.contracts.product.ProductDescription;
import io.pdx.contracts.Page;
import io.pdx.contracts.product.ProductRequest;
import io.pdx.contracts.product.ProductView;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.problem.InvalidParameter;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.pdx.marketplace.paging.PageRequest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Data products (数据产品): the bureau lists a registered dataset with the modes its grade allows
 * (read from the policy data), a capped price rule and a product description; everyone lists the
 * products whose dataset they may see. A listing runs in one transaction: on any failure nothing
 * is written. Order of refusals: dataset not visible (404), not allowed (403), bad input (400),
 * state of the dataset (409).
 */
@Path("/api/v1/products")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "products")
public class ProductResource {

    static final int MAX_PAGE_SIZE = 200;

    private final CatalogPolicy catalog;
    private final OperationGuard guard;
    private final GradeRules gradeRules;
    private final CurrentSubject currentSubject;

    private final io.pdx.marketplace.audit.AuditLog audit;
    private final java.time.Clock clock;
    private final io.pdx.marketplace.lifecycle.TransitionKernel transitions;
    private final ProductPricing pricing;

    public ProductResource(CatalogPolicy catalog, OperationGuard guard, GradeRules gradeRules,
                           CurrentSubject currentSubject, io.pdx.marketplace.audit.AuditLog audit, java.time.Clock clock,
                           io.pdx.marketplace.lifecycle.TransitionKernel transitions, ProductPricing pricing) {
        this.transitions = transitions;
        this.pricing = pricing;
        this.audit = audit;
        this.clock = clock;
        this.catalog = catalog;
        this.guard = guard;
        this.gradeRules = gradeRules;
        this.currentSubject = currentSubject;
    }

    @POST
    @WithTransaction
    @io.quarkus.security.Authenticated
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "createProduct", summary = "List a product / 上架数据产品", description = "The bureau, or the holding department's provider, lists a product of a registered GENERAL or IMPORTANT dataset (CORE never). Listed by its department, the product carries the department's consent; listed by the bureau, it carries it when holderConsent names the department's letter, and is otherwise not listed to operators until the department consents (POST /products/{id}/consent).")
    @APIResponse(responseCode = "201", description = "the product, with Location", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No dataset datasetId, or one you may not see / 数据集不存在")
    public Uni<Response> create(ProductRequest request) {
        Subject subject = currentSubject.get();
        if (request == null) {
            throw new InvalidProduct(List.of(new FieldError("body", "a product request is required")));
        }
        UUID datasetId = ProductRequestValidator.datasetId(request);
        return visibleDataset(datasetId, subject)
                .call(dataset -> guard.require(subject, Operation.PRODUCT_CREATE,
                        new AuthzInput.Resource("product", null, null, dataset.provider, null)))
                .flatMap(dataset -> gradeRules.of(dataset.grade)
                        .invoke(rule -> refuseUnlistable(dataset, request, rule))
                        .map(rule -> listing(dataset, request, subject))
                        .invoke(product -> consentWithListing(product, dataset, request.holderConsent(), subject))
                        .call(ProductResource::claimName)
                        .call(product -> product.persist())
                        .map(product -> Response.created(URI.create("/api/v1/products/" + product.id))
                                .entity(product.toView(dataset.grade, dataset.provider)).build()));
    }

    /** Products whose dataset the caller may see, newest first; {@code datasetId} narrows to one dataset. */
    @GET
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "listProducts", summary = "List products / 数据产品列表", description = "Products whose dataset the caller may see, newest first.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    public Uni<Page<ProductView>> list(@QueryParam("datasetId") @Parameter(description = "Only this dataset's products", schema = @Schema(type = SchemaType.STRING, format = "uuid", pattern = io.pdx.contracts.product.ProductRequest.UUID_PATTERN)) String datasetId,
                                 @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
                                 @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20")) String size) {
        PageRequest paging = PageRequest.of(page, size, 20, MAX_PAGE_SIZE);
        UUID dataset = datasetId == null ? null : uuid("datasetId", datasetId);
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.PRODUCT_LIST, new AuthzInput.Resource("product", null, null, null, null))
                .flatMap(allowed -> catalog.viewFor(subject))
                .flatMap(view -> VisibleProducts.page(view, subject, dataset, paging.page(), paging.size()));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getProduct", summary = "Read a product / 查看数据产品", description = "A product whose dataset the caller may see.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    public Uni<ProductView> get(@PathParam("id") UUID id) {
        Subject subject = currentSubject.get();
        return guard.require(subject, Operation.PRODUCT_READ, new AuthzInput.Resource("product", id.toString(), null, null, null))
                .flatMap(allowed -> catalog.viewFor(subject))
                .flatMap(view -> VisibleProducts.one(view, subject, id))
                .onItem().ifNull().failWith(() -> new ProductNotFound(id));
    }

    /**
     * The holding department's consent (数源单位同意): its provider gives it (optionally limited to named operators), or
     * the bureau records it from the department's letter ({@code document} required). Given once; until then the
     * product is listed to nobody but the department and the bureau, and the license policy refuses it.
     */
    @POST
    @Path("/{id}/consent")
    @WithTransaction
    @io.quarkus.security.Authenticated
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "consentToProduct", summary = "Consent to a listing / 数源单位同意上架", description = "The holding department's provider consents to the product's listing (optionally for named operators only), or the bureau records the department's consent letter (document required). 409 once given.")
    public Uni<ProductView> consent(@PathParam("id") UUID id, io.pdx.contracts.product.ConsentRequest request) {
        Subject subject = currentSubject.get();
        return catalog.viewFor(subject)
                .flatMap(view -> VisibleProducts.one(view, subject, id))
                .onItem().ifNull().failWith(() -> new ProductNotFound(id))
                .flatMap(visible -> Product.<Product>findById(id))
                .flatMap(product -> Dataset.<Dataset>findById(product.datasetId)
                        .call(dataset -> guard.require(subject, Operation.PRODUCT_CONSENT,
                                new AuthzInput.Resource("product", id.toString(), null, dataset.provider, null)))
                        .map(dataset -> {
                            boolean holder = dataset.provider.equals(subject.department());
                            List<String> organizations = ConsentCheck.organizations(request, holder);
                            if (product.consented()) {
                                throw ProductConflict.consentGiven();
                            }
                            product.consent(subject.user(), holder && (request == null || request.document() == null)
                                    ? LISTED_BY_HOLDER : request.document().trim(), organizations, java.time.OffsetDateTime.now(clock));
                            return dataset;
                        })
                        .call(dataset -> audit.record(subject.user(), "product.consent", "product", product.id, null, null,
                                java.util.Map.of("dataset", dataset.id.toString(), "organizations",
                                        product.consentOrganizations.organizations())))
                        .map(dataset -> product.toView(dataset.grade, dataset.provider)));
    }

    /**
     * The holding department or the bureau withdraws a listed product (下架), with a reason: no new application is taken
     * (the license policy refuses a product not LISTED); licenses already granted keep their term. Audited as
     * {@code product.withdraw}; 409 when it is withdrawn already.
     */
    @POST
    @Path("/{id}/withdraw")
    @io.quarkus.security.Authenticated
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "withdrawProduct", summary = "Withdraw a product / 下架数据产品", description = "LISTED → WITHDRAWN by the holding department's provider or the bureau, with a reason. New applications are refused (product_not_listed); licenses already granted keep their term.")
    @APIResponse(responseCode = "200", description = "the withdrawn product", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No product id, or one you may not see / 数据产品不存在")
    @APIResponse(responseCode = "409", description = "Withdrawn already / 已下架")
    public Uni<ProductView> withdraw(@PathParam("id") UUID id, io.pdx.contracts.product.ProductWithdrawal request) {
        Subject subject = currentSubject.get();
        io.pdx.marketplace.problem.FieldCheck check = new io.pdx.marketplace.problem.FieldCheck();
        check.text("reason", request == null ? null : request.reason(), true, false,
                io.pdx.contracts.product.ProductWithdrawal.MAX_REASON);
        if (!check.valid()) {
            throw new InvalidProduct(check);
        }
        String reason = request.reason().trim();
        return catalog.viewFor(subject)
                .flatMap(view -> transitions.run(ProductTransition.WITHDRAW, subject, () -> VisibleProducts.one(view, subject, id)
                                .onItem().ifNull().failWith(() -> new ProductNotFound(id))
                                .flatMap(visible -> Product.<Product>findById(id).invoke(product -> product.department = visible.provider())),
                        io.pdx.marketplace.lifecycle.Change.<Product>with(product -> product.withdrawalReason = reason)))
                .flatMap(product -> Dataset.<Dataset>findById(product.datasetId).map(dataset -> product.toView(dataset.grade, dataset.provider)));
    }

    /**
     * The bureau changes a listed product's unit price (调价) within its cap, with the basis it is set on; the new price
     * takes effect now, applies to the charges made from now on and joins the product's fee notice (收费公示). Audited as
     * {@code product.reprice}.
     */
    @POST
    @Path("/{id}/price")
    @Consumes(MediaType.APPLICATION_JSON)
    @io.quarkus.security.Authenticated
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "changeProductPrice", summary = "Change a product's price / 调整数据产品价格",
            description = "The bureau sets a listed, priced product's unit price, never above its cap (422 naming the cap), with the basis (定价依据). It takes effect when recorded and is published in the product's fee notice (GET /fee-notices/{productId}).")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "the product at its new price",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "404", description = "No such product / 数据产品不存在")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "409", description = "Withdrawn, or FREE / 已下架或免费")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "422", description = "Above the cap, or 0 / 超过上限或为零")
    public Uni<ProductView> changePrice(@PathParam("id") UUID id, io.pdx.contracts.product.PriceChangeRequest request) {
        Subject subject = currentSubject.get();
        io.pdx.marketplace.problem.FieldCheck check = new io.pdx.marketplace.problem.FieldCheck();
        Long price = ProductRequestValidator.fen(check, "unitPriceFen", request == null ? null : request.unitPriceFen(), true);
        check.text("basis", request == null ? null : request.basis(), true, false,
                io.pdx.contracts.product.PriceChangeRequest.MAX_BASIS);
        if (!check.valid()) {
            throw new InvalidProduct(check);
        }
        return guard.require(subject, Operation.PRODUCT_REPRICE, new AuthzInput.Resource("product", id.toString(), null, null, null))
                .flatMap(allowed -> pricing.reprice(id, price, request.basis().trim(), subject.user()));
    }

    static final String LISTED_BY_HOLDER = "数源单位同意 / consented by the holding department";

    /** With the listing: the department listing its own data consents; the bureau records a letter if it has one. */
    private void consentWithListing(Product product, Dataset dataset, io.pdx.contracts.product.ConsentRequest consent,
                                    Subject subject) {
        boolean holder = dataset.provider.equals(subject.department());
        if (!holder && consent == null) {
            return; // not listed to operators until the department consents
        }
        List<String> organizations = ConsentCheck.organizations(consent, holder);
        product.consent(subject.user(), holder && (consent == null || consent.document() == null) ? LISTED_BY_HOLDER
                : consent.document().trim(), organizations, java.time.OffsetDateTime.now(clock));
    }

    private Uni<Dataset> visibleDataset(UUID id, Subject subject) {
        return catalog.visibleDataset(id, subject);
    }

    /** Bad input (400) first, then the state of the dataset (409): not registered, or of a grade never listed. */
    private static void refuseUnlistable(Dataset dataset, ProductRequest request, GradeRules.GradeRule rule) {
        io.pdx.marketplace.problem.FieldCheck check = ProductRequestValidator.check(request, dataset.grade, rule.modes());
        if (!check.valid()) {
            throw new InvalidProduct(check);
        }
        if (dataset.state() != RegistrationStatus.REGISTERED) {
            throw ProductConflict.notRegistered(dataset.state());
        }
        if (rule.modes().isEmpty()) {
            throw ProductConflict.neverListed(dataset.grade);
        }
    }

    /** A product name is used once per dataset (the unique constraint backs this up under races). */
    private static Uni<Void> claimName(Product product) {
        return Product.count("datasetId = ?1 and nameZh = ?2", product.datasetId, product.nameZh)
                .invoke(taken -> {
                    if (taken > 0) {
                        throw ProductConflict.nameTaken();
                    }
                })
                .replaceWithVoid();
    }

    /** The product a valid request lists; the description's columns and sample come from the dataset's schema. */
    private static Product listing(Dataset dataset, ProductRequest request, Subject subject) {
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.datasetId = dataset.id;
        product.nameZh = request.nameZh() == null ? dataset.nameZh : request.nameZh().trim();
        product.nameEn = request.nameEn() == null ? dataset.nameEn : request.nameEn().trim();
        product.modes = new Product.Modes(request.modes().stream().map(LicenseMode::valueOf).sorted().toList());
        ProductRequest.Price price = request.priceRule();
        product.priceKind = PriceKind.valueOf(price.kind());
        product.unitPriceFen = price.unitPriceFen().longValueExact();
        product.capFen = price.capFen() == null ? 0 : price.capFen().longValueExact();
        product.pricePeriod = price.period() == null ? null : PricePeriod.valueOf(price.period());
        product.description = new ProductDescription(
                request.scenarios().stream().map(String::trim).toList(),
                dataset.updateFrequency,
                request.qualityNotes().trim(),
                dataset.schema.columns(),
                SyntheticSample.rows(dataset.schema.columns()));
        product.createdBy = subject.user();
        return product;
    }

    private static UUID uuid(String field, String value) {
        if (!io.pdx.contracts.Text.matches(io.pdx.contracts.product.ProductRequest.UUID_PATTERN, value)) {
            throw new InvalidParameter(field, "must be a UUID");
        }
        return UUID.fromString(value);
    }
}
