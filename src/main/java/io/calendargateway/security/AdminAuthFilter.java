package io.calendargateway.security;

import io.calendargateway.error.Problem;
import io.calendargateway.error.ProblemMappers;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * Checks the admin token on every endpoint of an {@link AdminOnly} resource. Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so neither content nor length leaks through timing. The token is
 * never logged.
 * <p>
 * Upstream authentication failures (Exchange, Entra ID) never come out of here: they are 502s with a code and a
 * hint, because a 401 would tell a door sign or an admin that <em>their</em> credential is wrong.
 */
public class AdminAuthFilter {

    private static final Logger LOG = Logger.getLogger(AdminAuthFilter.class);
    static final String CHALLENGE = "Bearer realm=\"calendar-gateway\"";

    private final List<byte[]> tokenDigests;

    public AdminAuthFilter(AdminConfig config) {
        this.tokenDigests = config.tokens().orElse(List.of()).stream()
                .map(String::strip).filter(t -> !t.isEmpty()).map(AdminAuthFilter::digest).toList();
        if (tokenDigests.isEmpty()) {
            LOG.warn("No admin token configured (gateway.admin.tokens): every admin endpoint answers 401");
        }
    }

    @ServerRequestFilter
    public Optional<Response> checkAdmin(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(AdminOnly.class)) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Optional.of(unauthorized(request, "An admin token is required: send Authorization: Bearer <token>"));
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || !isAdminToken(header.substring(7).strip())) {
            return Optional.of(unauthorized(request, "The admin token is not valid"));
        }
        return Optional.empty();
    }

    boolean isAdminToken(String candidate) {
        byte[] digest = digest(candidate);
        boolean match = false;
        for (byte[] known : tokenDigests) {
            match |= MessageDigest.isEqual(known, digest);
        }
        return match;
    }

    private static Response unauthorized(ContainerRequestContext request, String detail) {
        var problem = new Problem(ProblemMappers.typeUri("unauthorized"), "Unauthorized", 401, detail,
                request.getUriInfo().getRequestUri().getRawPath(), null, null, null);
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .entity(problem).build();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
