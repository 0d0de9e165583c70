package io.pdx.marketplace.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of the OpenAPI document that hold for every operation, written once instead of on each method: the
 * Keycloak bearer scheme (anonymous operations, marked {@code x-pdx-anonymous}, take a token or none), every error
 * an operation can answer as an RFC 9457 {@code Problem}, {@code Location} on 201 and 202, nullability of what
 * may be absent, the request examples, and no framework type left in a schema.
 */
public class ApiContract implements OASFilter {

    static final String SCHEME = "keycloak";
    static final String ANONYMOUS = "x-pdx-anonymous";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    /** Vert.x, Netty and Jackson types a schema must never expose (they appear when a method returns them). */
    static final Set<String> FRAMEWORK_TYPES = Set.of("Buffer", "Buffer1", "ByteBuf", "JsonNode", "JsonNodeType", "ObjectNode");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setInfo(OASFactory.createInfo()
                .title("PDX marketplace API / 公共数据授权运营平台接口")
                .version("1.0")
                .description(Descriptions.API));
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                .description("this deployment (everything under /api/v1) / 当前部署"))));
        openAPI.setTags(new ArrayList<>(Descriptions.TAGS.entrySet().stream()
                .map(tag -> OASFactory.createTag().name(tag.getKey()).description(tag.getValue())).toList()));
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An access token of realm pdx (Keycloak): a user's (authorization code with PKCE) or a "
                        + "service account's (client credentials). 访问令牌。"));
        FRAMEWORK_TYPES.forEach(components::removeSchema);
        components.addSchema(PROBLEM, ProblemSchema.problem());
        components.addSchema("FieldError", ProblemSchema.fieldError());
        components.addSchema("Reason", ProblemSchema.reason());
        if (components.getSchemas() != null) {
            components.getSchemas().forEach((name, schema) -> Nullability.apply(schema));
            NulFree.apply(openAPI);
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                    complete(path, method, operation)));
        }
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        boolean anonymous = operation.getExtensions() != null && operation.getExtensions().containsKey(ANONYMOUS);
        if (anonymous) {
            operation.removeExtension(ANONYMOUS);
            // anonymous callers see the public part; a token shows more
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement(),
                    OASFactory.createSecurityRequirement().addScheme(SCHEME))));
        } else {
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME))));
        }
        APIResponses responses = operation.getResponses();
        if (responses.getExtensions() != null) {
            // the scanner also puts a method's extensions on its responses when it declares several: the marker is the operation's
            responses.removeExtension(ANONYMOUS);
        }
        boolean body = operation.getRequestBody() != null;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean pathParameters = path.contains("{");
        if (body || parameters) {
            problem(responses, "400", "Invalid request: the problem names each field (errors[]) / 请求无效");
        }
        problem(responses, "401", "No valid access token / 需要登录");
        if (!anonymous) {
            problem(responses, "403", "The policy does not allow it for you / 无权访问 (reasons[] say why)");
        }
        if (pathParameters) {
            problem(responses, "404", "No such resource, or one you may not see / 未找到");
        }
        problem(responses, "406", "Nothing this operation answers fits Accept / 无法提供所请求的格式");
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            problem(responses, "409", "Conflicts with the resource's state (the problem names the state and the transition) / 状态冲突");
        }
        if (body) {
            problem(responses, "413", "Request body too large / 请求体过大");
            problem(responses, "415", "The body is not application/json / 不支持的请求格式");
            problem(responses, "422", "Well-formed but not acceptable, or a sandbox run that failed after reading data / 无法处理");
        } else if (responses.getAPIResponse("422") != null) {
            // a query the operation checks against the data beyond its schema (an open dataset's columns): a Problem too
            problem(responses, "422", "Well-formed but not acceptable / 无法处理");
        }
        if (path.endsWith("/result")) {
            problem(responses, "410", "The released result has expired / 结果已过期");
        }
        problem(responses, "429", "Too many requests: Retry-After says when to try again / 请求过于频繁");
        problem(responses, "500", "Internal error: the detail carries a trace id / 内部错误");
        problem(responses, "503", "A component the decision needs (policy engine, sandbox) is unavailable: nothing was done / 服务暂不可用");
        if (responses.getAPIResponses() != null) {
            // an error an operation declares itself (e.g. a 404 for an id in its body) answers a Problem too
            List.copyOf(responses.getAPIResponses().keySet()).stream().filter(code -> code.startsWith("4") || code.startsWith("5"))
                    .forEach(code -> problem(responses, code, responses.getAPIResponse(code).getDescription()));
            responses.getAPIResponses().forEach((code, response) -> {
                if (("201".equals(code) || "202".equals(code)) && (response.getHeaders() == null
                        || !response.getHeaders().containsKey("Location"))) {
                    response.addHeader("Location", OASFactory.createHeader().description("the URL of the resource created")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")));
                }
            });
        }
        if (responses.getAPIResponse("200") != null && (responses.getAPIResponse("201") != null
                || responses.getAPIResponse("202") != null) && !path.endsWith("/jobs")) {
            responses.removeAPIResponse("200"); // the scanned default of a method that answers 201 or 202
        }
        Examples.apply(operation);
        if (operation.getParameters() != null) {
            // no parameter takes an empty value or NUL: ?grade= is refused (problem.QueryParameters), not read as absent
            operation.getParameters().stream()
                    .map(org.eclipse.microprofile.openapi.models.parameters.Parameter::getSchema)
                    .filter(schema -> schema != null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)
                            && schema.getPattern() == null && schema.getEnumeration() == null && schema.getFormat() == null)
                    .forEach(schema -> schema.pattern(io.pdx.contracts.Text.NO_NUL).minLength(schema.getMinLength() == null ? 1 : schema.getMinLength()));
        }
    }

    private static void problem(APIResponses responses, String code, String description) {
        APIResponse declared = responses.getAPIResponse(code);
        if (declared != null && declared.getContent() != null && declared.getContent().getMediaTypes() != null
                && !declared.getContent().getMediaTypes().isEmpty()) {
            // declared with a body of its own: a Problem, or another shape an operation answers by a standard it follows
            // (CKAN's action API answers its own error envelope)
            return;
        }
        if (declared != null && declared.getDescription() != null && (declared.getContent() == null
                || declared.getContent().getMediaTypes() == null || declared.getContent().getMediaTypes().isEmpty())) {
            // declared on the method with its own description (e.g. a 404 for an id in the body): the body is a Problem
            declared.content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
    }
}
