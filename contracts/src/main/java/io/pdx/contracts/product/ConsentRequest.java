package io.pdx.contracts.product;

import io.pdx.contracts.Text;
import io.pdx.contracts.identity.Uscc;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A holding department's consent to list a product: given by the department's provider, or recorded by the bureau from
 * the department's letter (then {@code document} names it), optionally limited to named operators.
 */
public record ConsentRequest(
        @Schema(pattern = Text.NOT_BLANK, maxLength = MAX_DOCUMENT, description = "The consent letter's reference (文号); required when the bureau records it")
        String document,
        @Schema(type = SchemaType.ARRAY, implementation = Operator.class, maxItems = MAX_ORGANIZATIONS, uniqueItems = true,
                description = "Only these operators (统一社会信用代码); absent or empty: every operator")
        List<String> organizations) {

    public static final int MAX_DOCUMENT = 200;
    public static final int MAX_ORGANIZATIONS = 100;

    /** One operator as the OpenAPI document shows it. */
    @Schema(name = "ConsentOperator", type = SchemaType.STRING, pattern = Uscc.PATTERN, description = "统一社会信用代码")
    public static final class Operator {
        private Operator() {
        }
    }
}
