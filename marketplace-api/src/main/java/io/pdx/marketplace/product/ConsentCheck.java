package io.pdx.marketplace.product;

import io.pdx.contracts.identity.Uscc;
import io.pdx.contracts.product.ConsentRequest;
import io.pdx.marketplace.problem.FieldCheck;

import java.util.List;

/**
 * A consent's fields, checked (400 naming each; 422 for a code of the right shape whose check character is wrong): the bureau recording a department's consent names its letter; the
 * operators it is limited to are valid unified social credit codes, each once.
 */
final class ConsentCheck {

    private ConsentCheck() {
    }

    /** The operators the consent is limited to (empty: every operator); {@code holder}: the department itself consents. */
    static List<String> organizations(ConsentRequest request, boolean holder) {
        FieldCheck check = new FieldCheck();
        String document = request == null ? null : request.document();
        if (!holder && (document == null || document.isBlank())) {
            // optional in the schema; the bureau recording a department's consent names its letter: a rule beyond it
            check.rule("document", "the department's consent letter (文号) is required when the bureau records its consent");
        } else {
            check.text("document", document, false, false, ConsentRequest.MAX_DOCUMENT);
        }
        List<String> organizations = request == null || request.organizations() == null ? List.of() : request.organizations();
        if (organizations.size() > ConsentRequest.MAX_ORGANIZATIONS) {
            check.schema("organizations", "at most " + ConsentRequest.MAX_ORGANIZATIONS + " operators");
        }
        for (int i = 0; i < organizations.size(); i++) {
            String code = organizations.get(i);
            if (code == null || !code.matches(Uscc.PATTERN)) {
                check.schema("organizations[" + i + "]", "a unified social credit code (GB 32100-2015)");
            } else if (!Uscc.isValid(code)) { // its shape is the schema's; its check character a rule beyond it
                check.rule("organizations[" + i + "]", "a unified social credit code whose check character is right (GB 32100-2015)");
            } else if (organizations.indexOf(code) != i) {
                check.schema("organizations[" + i + "]", "named twice");
            }
        }
        if (!check.valid()) {
            throw new InvalidProduct(check);
        }
        return List.copyOf(organizations);
    }
}
