package io.pdx.marketplace.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What may be null is declared so: the API writes every field of a view, null where it has no value, so a property
 * that is not {@code required} may be null (a generated client that trusted a bare {@code $ref} or {@code string}
 * would fail on the first absent value). The list envelope's own fields are always there.
 */
final class Nullability {

    static final Set<String> ALWAYS_PRESENT = Set.of("items", "total", "page", "size");

    private Nullability() {
    }

    static void apply(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = new ArrayList<>(schema.getRequired() == null ? List.of() : schema.getRequired());
        boolean envelope = schema.getProperties().keySet().containsAll(ALWAYS_PRESENT);
        if (envelope) {
            ALWAYS_PRESENT.stream().filter(name -> !required.contains(name)).forEach(required::add);
            schema.setRequired(required);
        }
        schema.getProperties().forEach((name, property) -> {
            if (!required.contains(name)) {
                nullable(schema, name, property);
            }
        });
    }

    private static void nullable(Schema owner, String name, Schema property) {
        if (property.getRef() != null) {
            owner.addProperty(name, OASFactory.createSchema().anyOf(List.of(OASFactory.createSchema().ref(property.getRef()),
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL))).description(property.getDescription()));
        } else if (property.getEnumeration() != null && !property.getEnumeration().isEmpty()) {
            // an enumeration names every value it allows: null beside it, not in its type
            String description = property.getDescription();
            property.setDescription(null);
            owner.addProperty(name, OASFactory.createSchema().anyOf(List.of(property,
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL))).description(description));
        } else if (property.getType() != null && !property.getType().isEmpty() && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
    }
}
