package io.calendargateway.console;

import io.calendargateway.security.PublicRoute;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The admin console and the reference door-sign page, which are static files under {@code META-INF/resources}.
 * They are public because they hold no data: everything they show comes from the API with the admin token or a
 * device key. This resource only gives the two pages their addresses: {@code /console} without a trailing slash,
 * and {@code /signs/{mail}} for every room, one file that reads the room from its own path. Their
 * Content-Security-Policy comes from configuration ({@code quarkus.http.filter.pages}).
 */
@Path("/")
@PublicRoute
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    private final byte[] console = page("console/index.html");
    private final byte[] sign = page("signs/index.html");

    @GET
    @Path("console")
    public Uni<byte[]> console() {
        return Uni.createFrom().item(console);
    }

    /**
     * Only paths that look like an address (the {@code @} as such or percent-encoded), so that the page's own files
     * beside it stay static.
     */
    @GET
    @Path("signs/{mail: [^/]+(@|%40)[^/]+}")
    public Uni<byte[]> sign() {
        return Uni.createFrom().item(sign);
    }

    private static byte[] page(String name) {
        try (InputStream in = PageResource.class.getClassLoader().getResourceAsStream("META-INF/resources/" + name)) {
            if (in == null) {
                throw new IllegalStateException("META-INF/resources/" + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
