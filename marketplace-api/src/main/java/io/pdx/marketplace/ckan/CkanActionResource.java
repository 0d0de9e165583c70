package io.pdx.marketplace.ckan;

import io.pdx.contracts.catalog.DatasetSummary;
import io.pdx.contracts.policy.AuthzInput;
import io.pdx.contracts.policy.Subject;
import io.pdx.marketplace.catalog.CatalogPolicy;
import io.pdx.marketplace.catalog.CatalogQuery;
import io.pdx.marketplace.catalog.CatalogSearch;
import io.pdx.marketplace.catalog.Dataset;
import io.pdx.marketplace.catalog.DatasetNotFound;
import io.pdx.marketplace.problem.InvalidParameter;
import io.pdx.marketplace.security.CurrentSubject;
import io.pdx.marketplace.security.Operation;
import io.pdx.marketplace.security.OperationGuard;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read part of CKAN's action API (API version 3) over the public catalog, so that CKAN harvesters and clients
 * ({@code ckanapi.RemoteCKAN}) read PDX unchanged: {@code package_search}, {@code package_show},
 * {@code organization_list} (the providing departments) and {@code group_list} (the taxonomy's categories), by GET
 * with query parameters or by POST with a JSON body as CKAN takes them. Answers are CKAN's envelope
 * {@code {"help", "success", "result"}}; failures {@code {"success": false, "error": {"__type", …}}} with CKAN's
 * statuses. Always the anonymous public's view, whoever asks.
 */
@Path("/api/3/action")
@Tag(name = "opendata")
@Produces(MediaType.APPLICATION_JSON)
public class CkanActionResource {

    private static final String VALIDATION = "CKAN's Validation Error: {help, success: false, error: {__type: \"Validation Error\", <parameter>: [messages]}}";
    private static final String NOT_FOUND = "CKAN's Not Found Error: {help, success: false, error: {__type: \"Not Found Error\", message}} (what the public cannot see, too)";
    private static final String ENVELOPE = "CKAN's envelope: {help, success: true, result}; a failure {help, success: false, error: {__type, message | field: [messages]}} with 404 (Not Found Error) or 409 (Validation Error)";

    private final CatalogPolicy catalog;
    private final CatalogSearch search;
    private final OperationGuard guard;
    private final CurrentSubject currentSubject;
    private final Pool pool;

    public CkanActionResource(CatalogPolicy catalog, CatalogSearch search, OperationGuard guard, CurrentSubject currentSubject,
                              Pool pool) {
        this.catalog = catalog;
        this.search = search;
        this.guard = guard;
        this.currentSubject = currentSubject;
        this.pool = pool;
    }

    @GET
    @Path("/package_search")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "ckanPackageSearch",
            summary = "CKAN package_search / CKAN 数据集检索",
            description = "Searches the public catalog as CKAN does: q (keywords; *:* for all), fq (organization:, groups:, res_format:, isopen:true), rows (≤ 1000) and start. Result: {count, results: [package]}.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = ENVELOPE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = VALIDATION, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> packageSearch(
            @QueryParam("q") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 100)) String q,
            @QueryParam("fq") @Parameter(description = "field:value terms, all holding", schema = @Schema(type = SchemaType.STRING, maxLength = 500)) String fq,
            @QueryParam("rows") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000", defaultValue = "10")) String rows,
            @QueryParam("start") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0")) String start,
            @Context UriInfo uri) {
        return answer("package_search", uri, () -> packageSearch(PackageSearch.parse(q, fq, rows, start), uri.getBaseUri()));
    }

    @GET
    @Path("/package_show")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "ckanPackageShow",
            summary = "CKAN package_show / CKAN 数据集详情",
            description = "One public catalog entry as a CKAN package (id or name: the dataset's id); any other is CKAN's 404 Not Found Error.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = ENVELOPE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> packageShow(@QueryParam("id") @Parameter(description = "the dataset's id", schema = @Schema(type = SchemaType.STRING, maxLength = 100)) String id,
                                     @Context UriInfo uri) {
        return answer("package_show", uri, () -> packageShow(id, uri.getBaseUri()));
    }

    @GET
    @Path("/organization_list")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "ckanOrganizationList",
            summary = "CKAN organization_list / CKAN 机构列表",
            description = "The departments that provide public catalog entries: their names, or with all_fields=true organization dicts with package_count.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = ENVELOPE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = VALIDATION, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> organizationList(@QueryParam("all_fields") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String allFields,
                                          @Context UriInfo uri) {
        return answer("organization_list", uri, () -> organizationList(flag("all_fields", allFields)));
    }

    @GET
    @Path("/group_list")
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "ckanGroupList",
            summary = "CKAN group_list / CKAN 分类列表",
            description = "The categories of the taxonomy as CKAN groups: their names (codes), or with all_fields=true group dicts with package_count.")
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = ENVELOPE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = VALIDATION, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> groupList(@QueryParam("all_fields") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) String allFields,
                                   @Context UriInfo uri) {
        return answer("group_list", uri, () -> groupList(flag("all_fields", allFields)));
    }

    // CKAN clients (ckanapi by default) POST their parameters as one JSON object; the same actions answer

    @POST
    @Path("/package_search")
    @Consumes(MediaType.WILDCARD)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "ckanPackageSearchPost",
            summary = "CKAN package_search by POST / CKAN 数据集检索（POST）",
            description = "package_search with its parameters as a JSON object, as CKAN clients send them.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, properties = {
            @SchemaProperty(name = "q", type = SchemaType.STRING, maxLength = 100),
            @SchemaProperty(name = "fq", type = SchemaType.STRING, maxLength = 500),
            @SchemaProperty(name = "rows", type = SchemaType.INTEGER, minimum = "0", maximum = "1000"),
            @SchemaProperty(name = "start", type = SchemaType.INTEGER, minimum = "0", maximum = "100000")})))
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = ENVELOPE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = VALIDATION, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> packageSearchPost(String body, @Context UriInfo uri) {
        return posted("package_search", body, uri);
    }

    @POST
    @Path("/package_show")
    @Consumes(MediaType.WILDCARD)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "ckanPackageShowPost",
            summary = "CKAN package_show by POST / CKAN 数据集详情（POST）",
            description = "package_show with its parameters as a JSON object, as CKAN clients send them.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, properties = {
            @SchemaProperty(name = "id", type = SchemaType.STRING, maxLength = 100)})))
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = ENVELOPE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = VALIDATION, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> packageShowPost(String body, @Context UriInfo uri) {
        return posted("package_show", body, uri);
    }

    @POST
    @Path("/organization_list")
    @Consumes(MediaType.WILDCARD)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "ckanOrganizationListPost",
            summary = "CKAN organization_list by POST / CKAN 机构列表（POST）",
            description = "organization_list with its parameters as a JSON object, as CKAN clients send them.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, properties = {
            @SchemaProperty(name = "all_fields", type = SchemaType.BOOLEAN)})))
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = ENVELOPE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = VALIDATION, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> organizationListPost(String body, @Context UriInfo uri) {
        return posted("organization_list", body, uri);
    }

    @POST
    @Path("/group_list")
    @Consumes(MediaType.WILDCARD)
    @org.eclipse.microprofile.openapi.annotations.Operation(operationId = "ckanGroupListPost",
            summary = "CKAN group_list by POST / CKAN 分类列表（POST）",
            description = "group_list with its parameters as a JSON object, as CKAN clients send them.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, properties = {
            @SchemaProperty(name = "all_fields", type = SchemaType.BOOLEAN)})))
    @Extension(name = "x-pdx-anonymous", value = "true")
    @APIResponse(responseCode = "200", description = ENVELOPE, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "409", description = VALIDATION, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Uni<Response> groupListPost(String body, @Context UriInfo uri) {
        return posted("group_list", body, uri);
    }

    /** Any other action by POST: CKAN's 400. */
    @POST
    @Path("/{action}")
    @Consumes(MediaType.WILDCARD)
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    public Uni<Response> post(@PathParam("action") String action, String body, @Context UriInfo uri) {
        return answer(action, uri, () -> {
            throw CkanError.unknownAction(action);
        });
    }

    private Uni<Response> posted(String action, String body, UriInfo uri) {
        return answer(action, uri, () -> {
            PostedParameters params = PostedParameters.of(body);
            URI base = uri.getBaseUri();
            return switch (action) {
                case "package_search" -> packageSearch(PackageSearch.parse(params.string("q"), params.string("fq"),
                        params.integer("rows"), params.integer("start")), base);
                case "package_show" -> packageShow(params.string("id"), base);
                case "organization_list" -> organizationList(flag("all_fields", params.bool("all_fields")));
                default -> groupList(flag("all_fields", params.bool("all_fields")));
            };
        });
    }

    /** Any other action: CKAN's 400. */
    @GET
    @Path("/{action}")
    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    public Uni<Response> unknown(@PathParam("action") String action, @Context UriInfo uri) {
        return answer(action, uri, () -> {
            throw CkanError.unknownAction(action);
        });
    }

    private Uni<Response> answer(String action, UriInfo uri, java.util.function.Supplier<Uni<?>> result) {
        String help = uri.getBaseUri().resolve("api/3/action/help_show?name=" + action).toString();
        Subject caller = currentSubject.get();
        // a member of a suspended organization is refused here as in the catalog (the public's reads cost no round trip)
        Uni<?> standing = caller.organization() == null ? Uni.createFrom().voidItem()
                : guard.require(caller, Operation.DATASET_LIST, new AuthzInput.Resource("dataset", null, null, null, null));
        return standing.flatMap(ignored -> Uni.createFrom().deferred(result))
                .map(value -> {
                    Map<String, Object> envelope = new LinkedHashMap<>();
                    envelope.put("help", help);
                    envelope.put("success", true);
                    envelope.put("result", value);
                    return Response.ok(envelope, MediaType.APPLICATION_JSON).build();
                })
                .onFailure(CkanError.class).recoverWithItem(failure -> {
                    CkanError error = (CkanError) failure;
                    Map<String, Object> envelope = new LinkedHashMap<>();
                    envelope.put("help", help);
                    envelope.put("success", false);
                    envelope.put("error", error.error);
                    return Response.status(error.status).entity(envelope).type(MediaType.APPLICATION_JSON).build();
                });
    }

    private Uni<Map<String, Object>> packageSearch(PackageSearch request, URI base) {
        Subject harvester = Subject.anonymous();
        CatalogQuery parsed;
        try {
            parsed = CatalogQuery.parse(request.q(), request.category(), null, request.provider(),
                    request.openness() == null ? null : request.openness().name(), null, "name", "0", "1");
        } catch (InvalidParameter invalid) {
            throw CkanError.validation("q", "at most 100 characters");
        }
        int rows = Math.max(1, request.rows());
        int first = (int) (request.start() / rows);
        int skip = (int) (request.start() % rows);
        return catalog.viewFor(harvester).flatMap(view -> search.search(page(parsed, first, rows), view, harvester)
                .flatMap(firstPage -> {
                    List<DatasetSummary> items = new ArrayList<>(firstPage.page().items());
                    Uni<List<DatasetSummary>> all = skip == 0 ? Uni.createFrom().item(items)
                            : search.search(page(parsed, first + 1, rows), view, harvester).map(next -> {
                                items.addAll(next.page().items());
                                return items;
                            });
                    return all.map(found -> {
                        List<Map<String, Object>> results = found.stream().skip(skip).limit(request.rows())
                                .map(summary -> CkanPackage.of(summary, base)).toList();
                        Map<String, Object> result = new LinkedHashMap<>();
                        result.put("count", firstPage.page().total());
                        result.put("results", results);
                        result.put("sort", "title_string asc");
                        result.put("facets", Map.of());
                        result.put("search_facets", Map.of());
                        return result;
                    });
                }));
    }

    private static CatalogQuery page(CatalogQuery parsed, int page, int size) {
        return new CatalogQuery(parsed.terms(), parsed.category(), null, parsed.provider(), parsed.openness(), null,
                parsed.sortColumn(), false, page, size);
    }

    private Uni<Map<String, Object>> packageShow(String id, URI base) {
        UUID datasetId;
        try {
            datasetId = UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException notAnId) {
            throw CkanError.notFound();
        }
        return Panache.withSession(() -> catalog.visibleDataset(datasetId, Subject.anonymous()))
                .map(dataset -> CkanPackage.of(dataset.toSummary(), base))
                .onFailure(DatasetNotFound.class).transform(missing -> CkanError.notFound());
    }

    private Uni<List<Object>> organizationList(boolean allFields) {
        String sql = "SELECT provider, min(provider_name) AS title, count(*) AS n FROM dataset"
                + " WHERE status = 'REGISTERED' AND grade = ANY($1) GROUP BY provider ORDER BY provider";
        return publicGrades().flatMap(grades -> pool.preparedQuery(sql).execute(Tuple.of(grades)).map(rows -> {
            List<Object> organizations = new ArrayList<>();
            rows.forEach(row -> organizations.add(allFields
                    ? CkanPackage.organization(row.getString("provider"), row.getString("title"), row.getLong("n"))
                    : row.getString("provider")));
            return organizations;
        }));
    }

    private Uni<List<Object>> groupList(boolean allFields) {
        String sql = "SELECT c.code, c.name_zh, c.name_en, count(d.id) AS n FROM category c LEFT JOIN dataset d"
                + " ON d.category = c.code AND d.status = 'REGISTERED' AND d.grade = ANY($1)"
                + " GROUP BY c.code, c.name_zh, c.name_en ORDER BY c.code";
        return publicGrades().flatMap(grades -> pool.preparedQuery(sql).execute(Tuple.of(grades)).map(rows -> {
            List<Object> groups = new ArrayList<>();
            rows.forEach(row -> groups.add(allFields
                    ? CkanPackage.group(row.getString("code"), row.getString("name_zh") + " / " + row.getString("name_en"),
                    row.getLong("n"))
                    : row.getString("code")));
            return groups;
        }));
    }

    /** The grades the public sees, from the policy (GENERAL with the default data). */
    private Uni<String[]> publicGrades() {
        return catalog.viewFor(Subject.anonymous())
                .map(view -> view.visibleGrades().stream().map(Enum::name).toArray(String[]::new));
    }

    private static boolean flag(String field, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw CkanError.validation(field, "Must be a boolean");
        };
    }

}
