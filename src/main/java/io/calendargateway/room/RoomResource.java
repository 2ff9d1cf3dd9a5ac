package io.calendargateway.room;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/** Room bindings for admins: which profile and calendar folder serve a room, and how its door signs show it. */
@Path("/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomResource {

    private final RoomAdmin admin;

    public RoomResource(RoomAdmin admin) {
        this.admin = admin;
    }

    @GET
    public List<RoomView> list() {
        return admin.list();
    }

    @GET
    @Path("/{mail}")
    public Uni<RestResponse<RoomView>> get(@PathParam("mail") String mail) {
        return admin.get(mail).map(view -> {
            var builder = RestResponse.ResponseBuilder.ok(view);
            if (view.bound()) {
                builder.header(HttpHeaders.ETAG, RoomBinding.etag(view.mail(), view.version(), view.updatedAt()));
            }
            return builder.build();
        });
    }

    @PUT
    @Path("/{mail}")
    public Uni<RestResponse<RoomView>> put(@PathParam("mail") String mail,
                                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                           @NotNull @Valid RoomRequest request) {
        return admin.bind(mail, ifMatch, request).map(written -> {
            RoomView view = admin.view(written.binding());
            var builder = written.created()
                    ? RestResponse.ResponseBuilder.<RoomView>created(
                            UriBuilder.fromPath("/rooms/{mail}").build(written.binding().mail)).entity(view)
                    : RestResponse.ResponseBuilder.ok(view);
            return builder.header(HttpHeaders.ETAG, written.binding().etag()).build();
        });
    }

    @DELETE
    @Path("/{mail}")
    public Uni<RestResponse<Void>> delete(@PathParam("mail") String mail) {
        return admin.unbind(mail).map(nothing -> RestResponse.noContent());
    }
}
