package io.pdx.marketplace.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pdx.contracts.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A bearer token that is not the three dot-separated base64url parts of a JWT is a 401 problem, answered on the router
 * before Quarkus OIDC sees it: OIDC's own check of such a token (a lone dot, empty parts) threw a
 * {@code NoSuchElementException} that became a 500 (Schemathesis found one). A token of the right shape goes on to be
 * verified as always.
 */
@ApplicationScoped
public class MalformedBearer {

    static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final ObjectMapper json;

    public MalformedBearer(ObjectMapper json) {
        this.json = json;
    }

    /** Between CORS (300) and authentication (200): Quarkus filters run by priority, highest first. */
    static final int BEFORE_AUTHENTICATION = io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities.AUTHENTICATION + 50;

    void install(@Observes io.quarkus.vertx.http.runtime.filters.Filters filters) {
        filters.register(this::check, BEFORE_AUTHENTICATION);
    }

    void check(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || wellFormed(header.substring(7).strip())) {
            context.next();
            return;
        }
        byte[] problem;
        try {
            problem = json.writeValueAsBytes(new Problem(Problem.type("unauthorized"), "Authentication failed / 认证失败", 401,
                    "The bearer token is not a JWT. / 令牌格式无效。", context.request().path(), List.of()));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        context.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .end(Buffer.buffer(problem));
    }

    /** Whether a token has the shape of a JWT (whether it verifies is OIDC's to say). */
    static boolean wellFormed(String token) {
        return JWT.matcher(token).matches();
    }
}
