package io.calendargateway.security;

import io.calendargateway.error.Problem;
import io.calendargateway.error.ProblemMappers;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Default-deny authentication of every JAX-RS route: an admin token ({@code Authorization: Bearer}) unless the
 * method or its class is marked {@link PublicRoute} or {@link DeviceRoute}. Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so neither content nor length leaks through timing; no credential
 * is ever logged.
 * <p>
 * Upstream authentication failures (Exchange, Entra ID) never come out of here: they are 502s with a code and a
 * hint, because a 401 would tell a door sign or an admin that <em>their</em> credential is wrong.
 */
public class AccessFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);
    static final String CHALLENGE = "Bearer realm=\"calendar-gateway\"";

    private enum Rule { PUBLIC, DEVICE, ADMIN }

    private final List<byte[]> tokenDigests;
    private final Map<Method, Rule> rules = new ConcurrentHashMap<>();

    public AccessFilter(AdminConfig config) {
        this.tokenDigests = config.tokens().orElse(List.of()).stream()
                .map(String::strip).filter(t -> !t.isEmpty()).map(AccessFilter::digest).toList();
        if (tokenDigests.isEmpty()) {
            LOG.warn("No admin token configured (gateway.admin.tokens): every admin endpoint answers 401");
        }
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            // no route matched: the 404/405 answer holds no data
            return Optional.empty();
        }
        Rule rule = rules.computeIfAbsent(method, AccessFilter::rule);
        if (rule == Rule.PUBLIC) {
            return Optional.empty();
        }
        String bearer = bearer(request);
        if (bearer != null && isAdminToken(bearer)) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Optional.of(unauthorized(request, "An admin token is required: send Authorization: Bearer <token>"));
        }
        return Optional.of(unauthorized(request, "The admin token is not valid"));
    }

    boolean isAdminToken(String candidate) {
        byte[] digest = digest(candidate);
        boolean match = false;
        for (byte[] known : tokenDigests) {
            match |= MessageDigest.isEqual(known, digest);
        }
        return match;
    }

    private static Rule rule(Method method) {
        if (method.isAnnotationPresent(PublicRoute.class)) {
            return Rule.PUBLIC;
        }
        if (method.isAnnotationPresent(DeviceRoute.class)) {
            return Rule.DEVICE;
        }
        Class<?> type = method.getDeclaringClass();
        if (type.isAnnotationPresent(PublicRoute.class)) {
            return Rule.PUBLIC;
        }
        return type.isAnnotationPresent(DeviceRoute.class) ? Rule.DEVICE : Rule.ADMIN;
    }

    /** The bearer credential of the request, or null. */
    private static String bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = header.substring(7).strip();
        return value.isEmpty() ? null : value;
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
