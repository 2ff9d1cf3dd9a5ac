package io.calendargateway.error;

import io.calendargateway.security.PublicRoute;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint that fails unexpectedly, to prove what clients see of an internal error. */
@Path("/test-only/failure")
@PublicRoute
public class FailingTestResource {

    @GET
    public String fail() {
        throw new IllegalStateException("database password hunter2 leaked in an exception message");
    }
}
