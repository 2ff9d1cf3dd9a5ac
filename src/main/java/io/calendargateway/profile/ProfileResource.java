package io.calendargateway.profile;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProfileResource {

    private final ProfileService profiles;
    private final ProfileCreation creation;

    public ProfileResource(ProfileService profiles, ProfileCreation creation) {
        this.profiles = profiles;
        this.creation = creation;
    }

    @GET
    public Uni<List<ProfileView>> list() {
        return profiles.list().map(list -> list.stream().map(p -> profiles.toView(p, list)).toList());
    }

    @POST
    public Uni<RestResponse<ProfileView>> create(@NotNull @Valid ProfileRequest request) {
        return creation.create(request).flatMap(profile -> profiles.viewWithOverlaps(profile).map(view ->
                RestResponse.ResponseBuilder.<ProfileView>created(URI.create("/profiles/" + profile.id))
                        .entity(view)
                        .header(HttpHeaders.ETAG, profile.etag())
                        .build()));
    }

    @GET
    @Path("/{id}")
    public Uni<RestResponse<ProfileView>> get(@PathParam("id") String id) {
        return profiles.get(id).flatMap(this::withEtag);
    }

    @PUT
    @Path("/{id}")
    public Uni<RestResponse<ProfileView>> update(@PathParam("id") String id,
                                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @NotNull @Valid ProfileRequest request) {
        return profiles.update(id, ifMatch, request).invoke(profile -> profiles.changed(profile.id))
                .flatMap(this::withEtag);
    }

    @DELETE
    @Path("/{id}")
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id, @QueryParam("force") boolean force) {
        return profiles.delete(id, force).invoke(() -> profiles.changed(UUID.fromString(id)))
                .map(nothing -> RestResponse.noContent());
    }

    private Uni<RestResponse<ProfileView>> withEtag(Profile profile) {
        return profiles.viewWithOverlaps(profile).map(view -> RestResponse.ResponseBuilder.ok(view)
                .header(HttpHeaders.ETAG, profile.etag()).build());
    }
}
