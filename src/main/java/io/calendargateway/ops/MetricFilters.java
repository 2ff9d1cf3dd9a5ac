package io.calendargateway.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Adjustments to the metrics Quarkus registers on its own. */
public class MetricFilters {

    /**
     * The reactive SQL client's gauges ({@code postgresql.queue.size}, {@code postgresql.current}) are registered
     * again for every further client-metrics instance of the same pool: Micrometer keeps the first and ignores the rest
     * (warning at start-up; see the log level in application.properties), so the gauge would show one instance
     * only. The client's timers and counters stay.
     */
    @Produces
    @Singleton
    MeterFilter dropPerConnectionSqlGauges() {
        return MeterFilter.deny(id -> id.getType() == Meter.Type.GAUGE && "sql".equals(id.getTag("clientType")));
    }
}
