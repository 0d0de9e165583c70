package io.pdx.marketplace.problem;

import java.util.UUID;

/** A query parameter naming a resource by its UUID: text that is not one is a 400 naming the parameter, never a 404. */
public final class UuidParameter {

    private UuidParameter() {
    }

    /** The UUID, null when the parameter is absent. */
    public static UUID parse(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            UUID value = UUID.fromString(text);
            if (value.toString().equalsIgnoreCase(text)) { // UUID.fromString accepts "1-1-1-1-1"
                return value;
            }
        } catch (IllegalArgumentException notOne) {
            // refused below
        }
        throw new InvalidParameter(field, "must be a UUID");
    }
}
