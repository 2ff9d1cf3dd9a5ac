package io.calendargateway.directory;

/** A room list, or a room of one. */
public record Address(String mail, String name) {
}
