package io.pdx.marketplace.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each resource path answers, read once from the resource classes' annotations, for the {@code Allow}
 * header of a 405 (RFC 9110 requires it; the framework leaves it out).
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Map<Class<? extends java.lang.annotation.Annotation>, String> VERBS = Map.of(
            GET.class, "GET", POST.class, "POST", PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");

    private record Route(Pattern path, String method) {
    }

    private volatile List<Route> routes;

    /** The methods {@code path} answers, with HEAD beside GET and OPTIONS always; empty when no resource has the path. */
    public Set<String> of(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                allowed.add(route.method());
                if ("GET".equals(route.method())) {
                    allowed.add("HEAD");
                }
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
        }
        return allowed;
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = new ArrayList<>();
            for (var bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    for (var verb : VERBS.entrySet()) {
                        if (method.isAnnotationPresent(verb.getKey())) {
                            Path sub = method.getAnnotation(Path.class);
                            known.add(new Route(template(root.value() + (sub == null ? "" : "/" + sub.value())), verb.getValue()));
                        }
                    }
                }
            }
            routes = known;
        }
        return known;
    }

    /** {@code /api/v1/licenses/{id}/accept} → a pattern where each {@code {…}} is one path segment. */
    static Pattern template(String path) {
        String normalized = ("/" + path).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        StringBuilder regex = new StringBuilder();
        for (String part : normalized.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }
}
