package io.pdx.marketplace.lifecycle;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.pdx.marketplace.testing.TransitionEnums;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every caller's transition has exactly one endpoint, {@code POST <collection>/{id}/<verb>}, and every such endpoint of
 * an aggregate's collection is a transition (or one of the few named creations below): the endpoint → operation map is
 * the transition table, pinned here without a stack.
 */
class TransitionEndpointsTest {

    /** The collection each aggregate kind is served under. */
    static final Map<String, String> COLLECTIONS = Map.of(
            "license", "/api/v1/licenses",
            "job", "/api/v1/sandbox/jobs",
            "dataset", "/api/v1/datasets",
            "organization", "/api/v1/organizations",
            "table", "/api/v1/tables",
            "objection", "/api/v1/objections",
            "product", "/api/v1/products",
            "case", "/api/v1/cases",
            "invoice", "/api/v1/invoices",
            "disclosure", "/api/v1/disclosures");
    /**
     * POST endpoints under an aggregate's id that create or record something rather than move it: a product's consent
     * records the holding department's consent beside its state, a price change the new price beside it; preparing a
     * disclosure draws its draft again.
     */
    static final Set<String> CREATIONS = Set.of("dataset versions", "dataset objections", "product consent", "product price",
            "disclosure prepare");
    /** {@code /{id}/verb}, the id named as the collection names it ({@code {year: [0-9]{4}}} for a disclosure). */
    static final java.util.regex.Pattern UNDER_ID = java.util.regex.Pattern.compile("^/\\{[^/]+\\}/([a-z_]+)$");

    @Test
    void theEndpoints_areTheCallersTransitions() {
        Set<String> transitions = new TreeSet<>();
        TransitionEnums.all().stream().filter(transition -> transition.by() == Transition.By.CALLER)
                .forEach(transition -> transitions.add(transition.kind() + " " + transition.verb()));
        Set<String> endpoints = new TreeSet<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.pdx.marketplace")) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            String root = resource.getAnnotationOfType(Path.class).value();
            COLLECTIONS.forEach((kind, collection) -> {
                if (!collection.equals(root)) {
                    return;
                }
                for (Method method : resource.reflect().getDeclaredMethods()) {
                    Path path = method.getAnnotation(Path.class);
                    if (method.isAnnotationPresent(jakarta.ws.rs.DELETE.class) && path != null && path.value().equals("/{id}")) {
                        endpoints.add(kind + " delete"); // DELETE …/{id} is the aggregate's delete transition
                    }
                    java.util.regex.Matcher underId = path == null ? null : UNDER_ID.matcher(path.value());
                    if (method.isAnnotationPresent(POST.class) && underId != null && underId.matches()) {
                        String verb = underId.group(1);
                        if (!CREATIONS.contains(kind + " " + verb)) {
                            endpoints.add(kind + " " + verb);
                        }
                    }
                }
            });
        }
        assertEquals(transitions, endpoints);
    }
}
