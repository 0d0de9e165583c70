package io.pdx.marketplace.openapi;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * No request string carries NUL (the API refuses it as it reads the body: {@code problem.NulFreeText}); every string of
 * a request body's schema that has no pattern, enumeration or format of its own says so with {@link Text#NO_NUL}
 * (the record patterns, such as {@link Text#NOT_BLANK}, exclude NUL themselves).
 */
final class NulFree {

    private static final String COMPONENTS = "#/components/schemas/";

    private NulFree() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Deque<Schema> pending = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().getMediaTypes() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().forEach(media -> {
                    if (media.getSchema() != null) {
                        pending.add(media.getSchema());
                    }
                });
            }
        }));
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<String> components = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (!seen.add(schema)) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().startsWith(COMPONENTS) ? schema.getRef().substring(COMPONENTS.length()) : null;
                if (name != null && components.add(name) && openAPI.getComponents().getSchemas().get(name) != null) {
                    pending.add(openAPI.getComponents().getSchemas().get(name));
                }
                continue;
            }
            if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING) && schema.getPattern() == null
                    && schema.getEnumeration() == null && schema.getFormat() == null) {
                schema.pattern(Text.NO_NUL);
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                pending.add(schema.getAdditionalPropertiesSchema());
            }
            for (var branches : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
                if (branches != null) {
                    pending.addAll(branches);
                }
            }
        }
    }
}
