package io.calendargateway.room;

import io.calendargateway.security.DeviceRoute;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Arrays;

/** What door signs poll: a room's events of a window, and its status now. */
@Path("/rooms")
@Produces(MediaType.APPLICATION_JSON)
public class RoomEventsResource {

    private final DoorSigns signs;

    public RoomEventsResource(DoorSigns signs) {
        this.signs = signs;
    }

    @GET
    @Path("/{mail}/events")
    @DeviceRoute
    public Uni<RestResponse<byte[]>> events(@PathParam("mail") String mail, @QueryParam("from") String from,
                                            @QueryParam("to") String to,
                                            @QueryParam("includeCancelled") boolean includeCancelled,
                                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return Uni.createFrom().completionStage(() -> signs.events(mail, from, to, includeCancelled))
                .map(answer -> {
                    var builder = matches(ifNoneMatch, answer.etag())
                            ? RestResponse.ResponseBuilder.<byte[]>create(RestResponse.Status.NOT_MODIFIED)
                            : RestResponse.ResponseBuilder.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE);
                    builder.header(HttpHeaders.ETAG, answer.etag())
                            .header(HttpHeaders.CACHE_CONTROL, "max-age=" + signs.maxAgeSeconds());
                    if (answer.stale()) {
                        builder.header("Age", signs.ageSeconds(answer.fetchedAt()));
                    }
                    return builder.build();
                });
    }

    @GET
    @Path("/{mail}/status")
    @DeviceRoute
    public Uni<RestResponse<RoomStatus>> status(@PathParam("mail") String mail) {
        return Uni.createFrom().completionStage(() -> signs.status(mail)).map(status -> {
            var builder = RestResponse.ResponseBuilder.ok(status)
                    .header(HttpHeaders.CACHE_CONTROL, "max-age=" + signs.maxAgeSeconds());
            if (status.stale()) {
                builder.header("Age", signs.ageSeconds(status.fetchedAt()));
            }
            return builder.build();
        });
    }

    /** {@code If-None-Match} with this ETag among its values (weak comparison), or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(opaque));
    }
}
