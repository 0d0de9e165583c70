package io.pdx.marketplace.problem;

import io.pdx.contracts.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every problem's field messages in the language the request's {@code Accept-Language} asks for (Chinese by default). */
public class ProblemLanguage {

    @ServerResponseFilter
    public void localize(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem) {
            FieldMessages.Language language = FieldMessages.language(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            response.setEntity(FieldMessages.in(problem, language));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.tag);
        }
    }
}
