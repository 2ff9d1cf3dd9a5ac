package io.calendargateway.diagnostics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticStepTest {

    @Test
    void shouldCountInTheSingularForOne() {
        assertThat(DiagnosticStep.count(0, "item")).isEqualTo("0 items");
        assertThat(DiagnosticStep.count(1, "item")).isEqualTo("1 item");
        assertThat(DiagnosticStep.count(1, "calendar")).isEqualTo("1 calendar");
        assertThat(DiagnosticStep.count(27, "calendar")).isEqualTo("27 calendars");
    }
}
