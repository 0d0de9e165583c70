package io.pdx.contracts.satisfaction;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint (投诉) about one service event by the person served; it always opens a case. */
@Schema(description = "A complaint about a service event (投诉); it opens a case the bureau answers within its deadline.")
public record ComplaintRequest(
        @Schema(required = true, type = SchemaType.STRING, implementation = ServiceEventKind.class) String eventKind,
        @Schema(required = true, format = "uuid", pattern = RatingRequest.UUID_PATTERN, description = "The license, sandbox job or dataset version") String eventId,
        @Schema(required = true, pattern = Text.NOT_BLANK, maxLength = MAX_TEXT, description = "The complaint / 投诉内容") String text) {

    public static final int MAX_TEXT = 2000;
}
