package io.pdx.contracts.satisfaction;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rating (评价) of one service event by the person served, once per person and event. Strings for the enumerated
 * values and the id, so that a wrong one is reported by field name.
 *
 * @param eventKind the kind of event rated
 * @param eventId   the license, sandbox job or dataset version the event is of
 * @param level     one of the five levels
 * @param comment   what the person says, if anything
 */
@Schema(description = "A rating of a service event (好差评). A poor level (DISSATISFIED, VERY_DISSATISFIED) opens a case.")
public record RatingRequest(
        @Schema(required = true, type = SchemaType.STRING, implementation = ServiceEventKind.class) String eventKind,
        @Schema(required = true, format = "uuid", pattern = UUID_PATTERN, description = "The license, sandbox job or dataset version") String eventId,
        @Schema(required = true, type = SchemaType.STRING, implementation = SatisfactionLevel.class) String level,
        @Schema(pattern = Text.NOT_BLANK, maxLength = MAX_COMMENT, description = "Comment / 评价内容") String comment) {

    public static final int MAX_COMMENT = 1000;
    /** A UUID in its canonical form. */
    public static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
}
