package io.calendargateway.directory;

import io.calendargateway.upstream.FolderNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Directory browsing of a profile's organisation: mailbox search, room lists, calendar folder trees. */
@Path("/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    private final Directory directory;

    public DirectoryResource(Directory directory) {
        this.directory = directory;
    }

    @GET
    @Path("/{id}/mailboxes")
    public Uni<MailboxSearch> mailboxes(@PathParam("id") String id, @QueryParam("search") String search,
                                        @QueryParam("limit") String limit, @QueryParam("refresh") boolean refresh) {
        return Uni.createFrom().deferred(() -> directory.mailboxes(id, search, limit, refresh));
    }

    @GET
    @Path("/{id}/room-lists")
    public Uni<List<Address>> roomLists(@PathParam("id") String id, @QueryParam("refresh") boolean refresh) {
        return directory.roomLists(id, refresh);
    }

    @GET
    @Path("/{id}/room-lists/{mail}/rooms")
    public Uni<List<Address>> rooms(@PathParam("id") String id, @PathParam("mail") String mail,
                                    @QueryParam("refresh") boolean refresh) {
        return Uni.createFrom().deferred(() -> directory.rooms(id, mail, refresh));
    }

    @GET
    @Path("/{id}/mailboxes/{mail}/calendars")
    public Uni<FolderNode> calendars(@PathParam("id") String id, @PathParam("mail") String mail,
                                     @QueryParam("refresh") boolean refresh) {
        return Uni.createFrom().deferred(() -> directory.calendars(id, mail, refresh));
    }
}
