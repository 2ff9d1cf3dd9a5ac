package io.calendargateway.sync;

import io.calendargateway.config.RoomsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Tells every replica when stored data changed: PostgreSQL {@code LISTEN/NOTIFY} (the tables' triggers notify
 * {@value #CHANNEL} with {@code <schema>.<table>}) through the reactive client's subscriber, which reconnects
 * after a database outage, plus a periodic {@link DataChanged#ALL} as a safety net for missed notifications.
 */
@ApplicationScoped
public class ChangeFeed {

    static final String CHANNEL = "calendar_gateway_changes";
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    private final Vertx vertx;
    private final Event<DataChanged> changed;
    private final RoomsConfig config;
    private final String url;
    private final String user;
    private final Optional<String> password;
    private final String schema;
    private PgSubscriber subscriber;
    private long timer = -1;
    private volatile boolean listening;
    private volatile boolean connecting;

    public ChangeFeed(Vertx vertx, Event<DataChanged> changed, RoomsConfig config,
                      @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                      @ConfigProperty(name = "quarkus.datasource.username") String user,
                      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                      @ConfigProperty(name = "gateway.db.schema") String schema) {
        this.vertx = vertx;
        this.changed = changed;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", "")).setUser(user);
        password.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        String prefix = schema + ".";
        subscriber.channel(CHANNEL).handler(payload -> {
            if (payload != null && payload.startsWith(prefix)) {
                fire(payload.substring(prefix.length()));
            }
        }).subscribeHandler(listened -> {
            // first LISTEN, or again after a reconnect: what changed meanwhile was not notified
            listening = true;
            fire(DataChanged.ALL);
        });
        subscriber.closeHandler(closed -> listening = false);
        connect();
        timer = vertx.setPeriodic(config.reloadInterval().toMillis(), id -> {
            fire(DataChanged.ALL);
            if (!listening) {
                connect();
            }
        });
    }

    /** The subscriber reconnects by itself once connected; a first connection that failed is tried again here. */
    private void connect() {
        if (connecting || subscriber.actualConnection() != null) {
            return;
        }
        connecting = true;
        subscriber.connect().onComplete(result -> {
            connecting = false;
            if (result.failed()) {
                LOG.warnf("Cannot listen for database changes yet (%s); trying again at the next periodic reload",
                        result.cause().getMessage());
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (subscriber != null) {
            subscriber.close();
        }
    }

    private void fire(String table) {
        Infrastructure.getDefaultWorkerPool().execute(() -> changed.fire(new DataChanged(table)));
    }
}
