package io.pdx.marketplace.ckan;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;

/**
 * CKAN serves its action API both at {@code /api/3/action/…} and at the unversioned {@code /api/action/…}, which
 * clients use too ({@code ckanapi.RemoteCKAN} does): the unversioned path is answered as version 3, before matching.
 */
public class UnversionedActionPath {

    static final String UNVERSIONED = "/api/action/";
    static final String VERSIONED = "/api/3/action/";

    @ServerRequestFilter(preMatching = true)
    public void toVersion3(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path != null && path.startsWith(UNVERSIONED)) {
            request.setRequestUri(uri.resolve(VERSIONED + path.substring(UNVERSIONED.length())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        }
    }
}
