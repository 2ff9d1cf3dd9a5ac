package io.calendargateway.device;

import io.calendargateway.upstream.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

/** Device keys of door signs, for admins. A new key works on this replica as soon as it is answered. */
@Path("/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final DeviceService devices;
    private final DeviceKeys keys;

    public DeviceResource(DeviceService devices, DeviceKeys keys) {
        this.devices = devices;
        this.keys = keys;
    }

    @POST
    public Uni<RestResponse<DeviceView>> create(@NotNull @Valid DeviceRequest request) {
        return devices.create(request).call(created -> reloaded())
                .map(created -> RestResponse.ResponseBuilder.<DeviceView>created(URI.create("/devices/" + created.id()))
                        .entity(created).build());
    }

    @GET
    public Uni<List<DeviceView>> list() {
        return devices.list();
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> revoke(@PathParam("id") String id) {
        return devices.revoke(id).call(this::reloaded).map(nothing -> RestResponse.noContent());
    }

    private Uni<Void> reloaded() {
        return Uni.createFrom().completionStage(keys.reload()).emitOn(Blocking.backToCaller());
    }
}
