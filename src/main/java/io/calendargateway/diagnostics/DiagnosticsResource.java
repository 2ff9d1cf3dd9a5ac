package io.calendargateway.diagnostics;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /profiles/{id}/test}: the step-by-step connection test of a profile. */
@Path("/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosticsResource {

    private final ProfileDiagnostics diagnostics;

    public DiagnosticsResource(ProfileDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @POST
    @Path("/{id}/test")
    public Uni<DiagnosticReport> test(@PathParam("id") String id, @QueryParam("mailbox") String mailbox) {
        return diagnostics.test(id, mailbox);
    }
}
