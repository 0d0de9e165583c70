package io.pdx.contracts.catalog;

import io.pdx.contracts.Text;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The bureau's reasons for returning a submitted registration (退回). */
public record ReturnRequest(
        @Schema(required = true, type = SchemaType.ARRAY, implementation = Reason.class, minItems = 1, maxItems = MAX_REASONS)
        List<String> reasons) {

    public static final int MAX_REASONS = 50;
    public static final int MAX_REASON = 500;

    /** One reason as the OpenAPI document shows it. */
    @Schema(name = "ReturnReason", type = SchemaType.STRING, pattern = Text.NOT_BLANK, maxLength = MAX_REASON,
            description = "A reason to change the registration (退回理由)")
    public static final class Reason {
        private Reason() {
        }
    }
}
