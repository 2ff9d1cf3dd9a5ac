package io.calendargateway.bench;

import io.calendargateway.security.DeviceRoute;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The benchmark's yardstick: a JSON body of a given size, already in memory, behind the same authentication as
 * {@code GET /rooms/{mail}/events} ({@link DeviceRoute}: the access filter looks up the same device key and checks
 * that it covers the room in the path). What the events route costs beyond this is the read path's own work.
 * <p>
 * Exists only in the benchmark's build ({@code gateway.bench.enabled=true}, set by {@link BenchProfile}): every
 * other test run builds the application without it.
 */
@Singleton
@Path("/bench/rooms")
@IfBuildProperty(name = "gateway.bench.enabled", stringValue = "true")
public class TrivialResource {

    private volatile byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

    @GET
    @Path("/{mail}/trivial")
    @DeviceRoute
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<byte[]> trivial(@PathParam("mail") String mail) {
        return Uni.createFrom().item(body);
    }

    /** Answers {@code {"pad":"xxx…"}} of exactly {@code size} bytes from now on. */
    void bodyOfSize(int size) {
        String prefix = "{\"pad\":\"";
        String suffix = "\"}";
        char[] pad = new char[size - prefix.length() - suffix.length()];
        Arrays.fill(pad, 'x');
        body = (prefix + new String(pad) + suffix).getBytes(StandardCharsets.UTF_8);
    }
}
