package io.calendargateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;

/**
 * The database check shown on {@code GET /health} (503 when it fails).
 * <p>
 * Design rule: it is a wellness check, not a readiness check. Neither an Exchange outage nor a database blip
 * makes the service unready: door signs are served from the cache, and pulling every replica out of the
 * Kubernetes Service because PostgreSQL hiccupped would turn a small fault into a total outage.
 */
@Wellness
@ApplicationScoped
public class DatabaseHealthCheck implements AsyncHealthCheck {

    static final String NAME = "database";

    private final Pool pool;
    private final Duration timeout;

    public DatabaseHealthCheck(Pool pool, @ConfigProperty(name = "gateway.health.database-timeout") Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(timeout).fail()
                .map(rows -> HealthCheckResponse.up(NAME))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", describe(failure)).build());
    }

    /** A short reason without connection strings or credentials. */
    private static String describe(Throwable failure) {
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            return "no answer within the health timeout";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return "unreachable (" + root.getClass().getSimpleName() + ")";
    }
}
