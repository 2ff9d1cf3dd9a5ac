package io.calendargateway.room;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.calendargateway.upstream.Appointment.Sensitivity;
import io.calendargateway.upstream.Appointment.ShowAs;
import io.calendargateway.upstream.Appointment.Type;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A meeting as door signs get it (PRODUCT.md §5): times in the room's zone, all-day events with their dates,
 * masked as the room's privacy says.
 *
 * @param startDate for all-day events, the first day in the room's zone; absent otherwise
 * @param endDate for all-day events, the day after the last one (exclusive); absent otherwise
 */
public record Event(String id, String seriesId, Type type, String subject, Organizer organizer,
                    OffsetDateTime start, OffsetDateTime end, boolean allDay,
                    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate startDate,
                    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate endDate,
                    ShowAs showAs, Sensitivity sensitivity, boolean cancelled, String location) {

    /** @param mail the SMTP address, or null when Exchange gave none */
    public record Organizer(String name, String mail) {
    }

    /** Whether this event makes the room busy: not cancelled, and shown as anything but free. */
    public boolean busy() {
        return !cancelled && showAs != ShowAs.FREE;
    }
}
