package io.calendargateway.upstream;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentTest {

    private static Instant t(String instant) {
        return Instant.parse(instant);
    }

    private static Appointment at(Instant start, Instant end) {
        return new Appointment("id", null, Appointment.Type.SINGLE, "s", null, null, start, end, false, null,
                Appointment.ShowAs.BUSY, Appointment.Sensitivity.NORMAL, false, null);
    }

    @Test
    void shouldKeepItemsOverlappingTheHalfOpenWindow() {
        Instant from = t("2026-11-28T09:00:00Z");
        Instant to = t("2026-11-28T10:00:00Z");
        assertThat(at(t("2026-11-28T08:00:00Z"), t("2026-11-28T09:00:00Z")).overlaps(from, to)).isFalse();
        assertThat(at(t("2026-11-28T08:00:00Z"), t("2026-11-28T09:00:01Z")).overlaps(from, to)).isTrue();
        assertThat(at(t("2026-11-28T10:00:00Z"), t("2026-11-28T11:00:00Z")).overlaps(from, to)).isFalse();
        assertThat(at(t("2026-11-28T08:00:00Z"), t("2026-11-28T12:00:00Z")).overlaps(from, to)).isTrue();
        assertThat(at(from, from).overlaps(from, to)).isTrue();
        assertThat(at(to, to).overlaps(from, to)).isFalse();
    }
}
