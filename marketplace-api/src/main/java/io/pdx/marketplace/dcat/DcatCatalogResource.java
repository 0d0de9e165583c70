package io.pdx.marketplace.dcat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pdx.contracts.Grade;
import io.pdx.contracts.catalog.DatasetSummary;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.CatalogQuery;
import io.pdx.marketplace.catalog.CatalogSearch;
import io.pdx.marketplace.catalog.Category;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.problem.InvalidParameter;
import io.pdx.marketplace.product.GradeRules;
import io.pdx.marketplace.product.GradeRules.GradeRule;
import io.pdx.marketplace.product.Product;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public catalog for harvesters (开放目录采集): every entry an anonymous caller sees, as a DCAT-AP 3
 * {@code dcat:Catalog} in pages ({@code hydra:PagedCollection}), in JSON-LD or Turtle — by {@code Accept}, or by
 * {@code ?format=jsonld|ttl} for harvesters that cannot set it. The same for every caller: a harvester's view.
 */
@Path("/api/v1/catalog/dcat")
@Tag(name = "opendata")
public class DcatCatalogResource {

    static final String PATH = "api/v1/catalog/dcat";
    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 200;

    private final CatalogPolicy catalog;
    private final CatalogSearch search;
    private final OperationGuard guard;
    private final GradeRules gradeRules;
    private final CurrentSubject currentSubject;

    public DcatCatalogResource(CatalogPolicy catalog, CatalogSearch search, OperationGuard guard, GradeRules gradeRules,
                               CurrentSubject currentSubject) {
        this.catalog = catalog;
        this.search = search;
        this.guard = guard;
        this.gradeRules = gradeRules;
        this.currentSubject = currentSubject;
    }

    @GET
    @Produces({DcatResource.JSON_LD, Turtle.MEDIA_TYPE})
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "getCatalogDcat",
            summary = "The public catalog as DCAT-AP / DCAT-AP 开放目录",
            description = "Every public catalog entry as a DCAT-AP 3 dcat:Catalog, paged as a hydra:PagedCollection "
                    + "(firstPage, nextPage, lastPage, totalItems), in JSON-LD or Turtle by Accept or `format`; for harvesters.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = "one page of the catalog", content = {
            @Content(mediaType = DcatResource.JSON_LD, schema = @Schema(type = SchemaType.OBJECT,
                    description = "a JSON-LD document with @context and an @graph of the dcat:Catalog and its hydra:PagedCollection")),
            @Content(mediaType = Turtle.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = "the same triples as Turtle"))})
    public Uni<Response> catalog(
            @QueryParam("page") @Parameter(description = "page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String page,
            @QueryParam("size") @Parameter(description = "datasets per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "100")) String size,
            @QueryParam("format") @Parameter(description = "jsonld or ttl; without it, the Accept header decides (JSON-LD by default)", schema = @Schema(type = SchemaType.STRING, enumeration = {"jsonld", "ttl"})) String format,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        boolean turtle = turtle(format, headers);
        CatalogQuery query = CatalogQuery.parse(null, null, null, null, null, null, "name", page,
                size == null ? String.valueOf(DEFAULT_SIZE) : size);
        if (query.size() > MAX_SIZE) {
            throw new InvalidParameter("size", "at most " + MAX_SIZE);
        }
        Subject caller = currentSubject.get();
        Subject harvester = Subject.anonymous();
        return guard.require(caller, Operation.DATASET_DCAT, new AuthzInput.Resource("catalog", null, null, null, null))
                .flatMap(allowed -> catalog.viewFor(harvester))
                .flatMap(view -> search.search(query, view, harvester))
                .flatMap(rendered -> Panache.withSession(() -> entries(rendered.page().items())).map(entries -> DcatCatalogPage.of(entries,
                        new DcatCatalogPage.Paging(uri.getBaseUri(), PATH, query.page(), query.size(), rendered.page().total(),
                                format == null ? null : (turtle ? "ttl" : "jsonld")))))
                .flatMap(doc -> turtle
                        // the JSON-LD processor's work off the event loop, after the session is closed
                        ? Uni.createFrom().item(doc).emitOn(Infrastructure.getDefaultWorkerPool()).map(Turtle::of)
                        .map(text -> Response.ok(text, Turtle.MEDIA_TYPE + ";charset=utf-8").build())
                        : Uni.createFrom().item(Response.ok(doc, DcatResource.JSON_LD).build()));
    }

    /** {@code format} wins; else Turtle when the caller accepts it and not JSON-LD more. */
    static boolean turtle(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.strip()) {
                case "ttl", "turtle" -> true;
                case "jsonld", "json-ld" -> false;
                default -> throw new InvalidParameter("format", "must be jsonld or ttl");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.valueOf(Turtle.MEDIA_TYPE)) && !accepted.isWildcardType()) {
                return true;
            }
            if (accepted.isCompatible(MediaType.valueOf(DcatResource.JSON_LD))) {
                return false;
            }
        }
        return false;
    }

    /** The page's datasets in its order, each with its category, grade rule and products. */
    private Uni<List<DcatCatalogPage.Entry>> entries(List<DatasetSummary> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = items.stream().map(DatasetSummary::id).toList();
        Set<String> categories = items.stream().map(DatasetSummary::category).collect(Collectors.toSet());
        Set<Grade> grades = items.stream().map(DatasetSummary::grade).collect(Collectors.toSet());
        return Dataset.<Dataset>list("id in ?1", ids).flatMap(datasets -> Category.<Category>list("code in ?1", categories)
                .flatMap(categoryRows -> Product.<Product>list("datasetId in ?1 and status = ?2 order by createdAt, id", ids,
                        io.pdx.contracts.product.ProductStatus.LISTED) // a withdrawn product is offered no more
                        .flatMap(products -> rules(grades).map(rules -> {
                            Map<UUID, Dataset> byId = datasets.stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
                            Map<String, Category> byCode = categoryRows.stream()
                                    .collect(Collectors.toMap(c -> c.code, Function.identity()));
                            return ids.stream().map(byId::get).filter(java.util.Objects::nonNull)
                                    .map(dataset -> new DcatCatalogPage.Entry(dataset, byCode.get(dataset.category),
                                            rules.get(dataset.grade), products.stream()
                                            .filter(product -> product.datasetId.equals(dataset.id)).toList()))
                                    .toList();
                        }))));
    }

    private Uni<Map<Grade, GradeRule>> rules(Set<Grade> grades) {
        List<Grade> ordered = grades.stream().sorted(Comparator.naturalOrder()).toList();
        return Uni.join().all(ordered.stream().map(gradeRules::of).toList()).andFailFast()
                .map(rules -> {
                    Map<Grade, GradeRule> byGrade = new java.util.EnumMap<>(Grade.class);
                    for (int i = 0; i < ordered.size(); i++) {
                        byGrade.put(ordered.get(i), rules.get(i));
                    }
                    return byGrade;
                });
    }
}
