package io.calendargateway.error;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** 405 with the {@code Allow} header RFC 9110 asks for: the methods the path does answer. */
public class MethodNotAllowedMapper {

    private final AllowedMethods allowed;

    public MethodNotAllowedMapper(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notAllowed(NotAllowedException e, UriInfo uri) {
        String path = uri.getRequestUri().getRawPath();
        return ProblemMappers.toResponse(new ProblemException(405, "method-not-allowed", "Method Not Allowed",
                "Method not allowed on " + path, null, null,
                allowed.forPath(uri.getPath()).map(methods -> Map.of("Allow", methods)).orElse(Map.of())), uri);
    }
}
