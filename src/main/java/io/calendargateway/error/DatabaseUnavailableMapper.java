package io.calendargateway.error;

import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;

/**
 * The gateway's own database does not answer: a 503 with {@code Retry-After}, not a 500, since nothing is wrong
 * with the request and trying again shortly is the right reaction. On the request path only the database client
 * opens connections without translating its failures (Exchange and Entra ID failures arrive as problems with
 * their code), so a refused or lost connection here is the database's.
 */
public class DatabaseUnavailableMapper {

    /** Seconds: about how long a database restart or fail-over takes. */
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    @ServerExceptionMapper
    public RestResponse<Problem> refused(ConnectException e, UriInfo uri) {
        return unavailable(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> lost(ClosedConnectionException e, UriInfo uri) {
        return unavailable(e, uri);
    }

    private static RestResponse<Problem> unavailable(Exception e, UriInfo uri) {
        LOG.warnf("Database unavailable for %s: %s", uri.getRequestUri().getRawPath(), e.getMessage());
        return ProblemMappers.toResponse(ProblemException.databaseUnavailable(
                "The gateway's database does not answer; try again shortly"), uri);
    }
}
