package io.calendargateway.security;

import io.calendargateway.device.DeviceKeys;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Default-deny authentication of every JAX-RS route: an admin token ({@code Authorization: Bearer}) unless the
 * method or its class is marked {@link PublicRoute} (no credential) or {@link DeviceRoute} (a device key whose
 * room patterns cover the room, or an admin token). Missing or unknown credentials are 401; a device key outside
 * its rooms or on an admin route is 403, decided here, before any 404. Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, so neither content nor length leaks through timing; no credential
 * is ever logged.
 * <p>
 * Upstream authentication failures (Exchange, Entra ID) never come out of here: they are 502s with a code and a
 * hint, because a 401 would tell a door sign or an admin that <em>their</em> credential is wrong.
 */
public class AccessFilter {

    private static final Logger LOG = Logger.getLogger(AccessFilter.class);
    static final String CHALLENGE = "Bearer realm=\"calendar-gateway\"";
    static final String API_KEY = "X-Api-Key";

    private enum Rule { PUBLIC, DEVICE, ADMIN }

    private final List<byte[]> tokenDigests;
    private final Map<Method, Rule> rules = new ConcurrentHashMap<>();
    private final DeviceKeys devices;
    private final boolean openRead;

    public AccessFilter(AdminConfig config, DeviceKeys devices, DevicesConfig devicesConfig) {
        this.devices = devices;
        this.openRead = devicesConfig.openRead();
        if (openRead) {
            LOG.warn("gateway.devices.open-read is on: anyone who can reach the gateway reads every served room");
        }
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
        String apiKey = request.getHeaderString(API_KEY);
        String deviceKey = apiKey != null && !apiKey.isBlank() ? apiKey.strip() : bearer;
        Optional<DeviceKeys.Device> device = deviceKey == null ? Optional.empty() : devices.find(deviceKey);
        if (device.isEmpty() && deviceKey != null && !devices.loaded()) {
            return Optional.of(unavailable(request));
        }
        if (rule == Rule.DEVICE) {
            if (device.isPresent()) {
                return covers(device.get(), request, method) ? Optional.empty()
                        : Optional.of(forbidden(request, "This device key does not cover this room"));
            }
            if (openRead && deviceKey == null) {
                return Optional.empty();
            }
            return Optional.of(unauthorized(request, deviceKey == null
                    ? "A device key is required: send X-Api-Key: <key> (or an admin token)"
                    : "The device key is not valid"));
        }
        if (device.isPresent()) {
            return Optional.of(forbidden(request, "A device key cannot call admin endpoints"));
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Optional.of(unauthorized(request, "An admin token is required: send Authorization: Bearer <token>"));
        }
        return Optional.of(unauthorized(request, "The admin token is not valid"));
    }

    /** Whether the key's room patterns cover the room the path names. */
    private static boolean covers(DeviceKeys.Device device, ContainerRequestContext request, Method method) {
        DeviceRoute route = method.getAnnotation(DeviceRoute.class) != null ? method.getAnnotation(DeviceRoute.class)
                : method.getDeclaringClass().getAnnotation(DeviceRoute.class);
        String room = request.getUriInfo().getPathParameters().getFirst(route.roomParameter());
        return room != null && device.rooms().covers(room.strip().toLowerCase(Locale.ROOT));
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

    /** Keys are not known yet: the database has not answered since the start. Not a 401: the key may be fine. */
    private static Response unavailable(ContainerRequestContext request) {
        var problem = new Problem(ProblemMappers.typeUri("database-unavailable"), "Database unavailable", 503,
                "The gateway has not read its device keys yet: its database did not answer since it started",
                request.getUriInfo().getRequestUri().getRawPath(), null, null, null);
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(problem).build();
    }

    private static Response forbidden(ContainerRequestContext request, String detail) {
        var problem = new Problem(ProblemMappers.typeUri("forbidden"), "Forbidden", 403, detail,
                request.getUriInfo().getRequestUri().getRawPath(), null, null, null);
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
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
