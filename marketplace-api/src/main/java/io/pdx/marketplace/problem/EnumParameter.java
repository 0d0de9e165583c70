package io.pdx.marketplace.problem;

import java.util.Arrays;

/** A parameter naming one value of an enum, read from its text: an unknown value is a 400 naming the allowed ones. */
public final class EnumParameter {

    private EnumParameter() {
    }

    /** The constant named {@code text}, null when the parameter is absent; a blank value names no constant and is refused. */
    public static <E extends Enum<E>> E parse(String field, String text, Class<E> type) {
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw new InvalidParameter(field, "must be one of " + allowed(type));
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
