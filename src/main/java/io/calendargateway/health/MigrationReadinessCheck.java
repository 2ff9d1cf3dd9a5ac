package io.calendargateway.health;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Readiness = started and migrated. Flyway migrates before start-up completes, so once {@link StartupEvent}
 * fires the schema is current; the check records the version then and never asks the database again (see
 * {@link DatabaseHealthCheck} for why readiness has no database check).
 */
@Readiness
@ApplicationScoped
public class MigrationReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(MigrationReadinessCheck.class);

    private volatile String schemaVersion;

    void onStart(@Observes StartupEvent event, Flyway flyway) {
        var current = flyway.info().current();
        schemaVersion = current == null ? "empty" : current.getVersion().getVersion();
        LOG.infof("Database schema at version %s", schemaVersion);
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("migrations");
        return schemaVersion == null ? response.down().build()
                : response.up().withData("schemaVersion", schemaVersion).build();
    }
}
