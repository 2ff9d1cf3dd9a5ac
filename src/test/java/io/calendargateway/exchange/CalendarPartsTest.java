package io.calendargateway.exchange;

import io.calendargateway.exchange.CalendarParts.Part;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarPartsTest {

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    @Test
    void shouldPreSplitWindowsBelowTheTwoYearLimit() {
        List<Part> parts = CalendarParts.split(t("2026-01-01T00:00:00Z"), t("2028-06-01T00:00:00Z"),
                CalendarParts.MAX_PART);
        assertThat(parts).containsExactly(
                new Part(t("2026-01-01T00:00:00Z"), t("2027-01-02T00:00:00Z")),
                new Part(t("2027-01-02T00:00:00Z"), t("2028-01-03T00:00:00Z")),
                new Part(t("2028-01-03T00:00:00Z"), t("2028-06-01T00:00:00Z")));
        assertThat(CalendarParts.split(t("2026-11-28T00:00:00Z"), t("2026-11-29T00:00:00Z"), CalendarParts.MAX_PART))
                .containsExactly(new Part(t("2026-11-28T00:00:00Z"), t("2026-11-29T00:00:00Z")));
        assertThatThrownBy(() -> CalendarParts.split(t("2026-11-28T00:00:00Z"), t("2026-11-28T00:00:00Z"),
                Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldHalveATruncatedPartDownToTwoMinutes() {
        Part day = new Part(t("2026-11-28T00:00:00Z"), t("2026-11-29T00:00:00Z"));
        assertThat(day.halves()).containsExactly(new Part(t("2026-11-28T00:00:00Z"), t("2026-11-28T12:00:00Z")),
                new Part(t("2026-11-28T12:00:00Z"), t("2026-11-29T00:00:00Z")));
        assertThat(new Part(t("2026-11-28T00:00:00Z"), t("2026-11-28T00:02:00Z")).canHalve()).isTrue();
        assertThat(new Part(t("2026-11-28T00:00:00Z"), t("2026-11-28T00:01:59Z")).canHalve()).isFalse();
    }
}
