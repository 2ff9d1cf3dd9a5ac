package io.calendargateway.device;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoomPatternsTest {

    @Test
    void shouldCoverExactAddressesAndWholeDomains() {
        RoomPatterns patterns = new RoomPatterns(List.of("room1@contoso.com", "*@fabrikam.com"));
        assertThat(patterns.covers("room1@contoso.com")).isTrue();
        assertThat(patterns.covers("room2@contoso.com")).isFalse();
        assertThat(patterns.covers("meeting-a@fabrikam.com")).isTrue();
        assertThat(patterns.covers("a@sub.fabrikam.com")).isFalse();
        assertThat(patterns.covers("a@notfabrikam.com")).isFalse();
        assertThat(patterns.covers("@fabrikam.com")).isFalse();
    }

    @Test
    void shouldNormalizePatternsAndRefuseOthers() {
        assertThat(RoomPatterns.normalized(" Room1@Contoso.COM ")).isEqualTo("room1@contoso.com");
        assertThat(RoomPatterns.normalized("*@contoso.com")).isEqualTo("*@contoso.com");
        assertThat(RoomPatterns.normalized("*")).isNull();
        assertThat(RoomPatterns.normalized("*@*")).isNull();
        assertThat(RoomPatterns.normalized("room*@contoso.com")).isNull();
        assertThat(RoomPatterns.normalized("room1@localhost")).isNull();
        assertThat(RoomPatterns.normalized(null)).isNull();
    }
}
