package io.calendargateway.room;

import io.calendargateway.error.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 25);

    @Test
    void shouldDefaultToTodayInTheRoomsZone() {
        Window w = Window.parse(null, null, BERLIN, TODAY, 31);
        // the DST change day is 25 hours long
        assertThat(w.from()).hasToString("2026-10-25T00:00+02:00[Europe/Berlin]");
        assertThat(w.to()).hasToString("2026-10-26T00:00+01:00[Europe/Berlin]");
    }

    @Test
    void shouldReadDatesAsLocalMidnightsAndOnlyFromAsOneDay() {
        Window w = Window.parse("2026-11-28", "2026-11-30", BERLIN, TODAY, 31);
        assertThat(w.from().toOffsetDateTime()).hasToString("2026-11-28T00:00+01:00");
        assertThat(w.to().toOffsetDateTime()).hasToString("2026-11-30T00:00+01:00");
        assertThat(Window.parse("2026-11-28", null, BERLIN, TODAY, 31).to().toOffsetDateTime())
                .hasToString("2026-11-29T00:00+01:00");
    }

    @Test
    void shouldTakeDateTimesWithTheirOffset() {
        Window w = Window.parse("2026-11-28T09:00:00Z", "2026-11-28T17:00:00-05:00", BERLIN, TODAY, 31);
        assertThat(w.from().toOffsetDateTime()).hasToString("2026-11-28T10:00+01:00");
        assertThat(w.to().toOffsetDateTime()).hasToString("2026-11-28T23:00+01:00");
    }

    @Test
    void shouldRefuseWindowsThatAreNotHalfOpenOrTooLong() {
        assertThatThrownBy(() -> Window.parse(null, "2026-11-28", BERLIN, TODAY, 31))
                .isInstanceOf(ProblemException.class).hasMessage("'to' needs 'from' as well");
        assertThatThrownBy(() -> Window.parse("2026-11-28", "2026-11-28", BERLIN, TODAY, 31))
                .hasMessage("'to' (2026-11-28T00:00:00+01:00) must be after 'from' (2026-11-28T00:00:00+01:00)");
        assertThatThrownBy(() -> Window.parse("2026-11-01", "2026-12-03", BERLIN, TODAY, 31))
                .hasMessage("The window is longer than the maximum of 31 days");
        assertThat(Window.parse("2026-11-01", "2026-12-02", BERLIN, TODAY, 31).to().toLocalDate())
                .isEqualTo(LocalDate.of(2026, 12, 2));
        assertThatThrownBy(() -> Window.parse("2026-11-28T09:00", null, BERLIN, TODAY, 31))
                .hasMessageStartingWith("'from' must be a date (2026-11-28) or a date-time with offset");
        assertThat(((ProblemException) org.assertj.core.api.Assertions.catchThrowable(
                () -> Window.parse("x", null, BERLIN, TODAY, 31))).status()).isEqualTo(400);
    }
}
