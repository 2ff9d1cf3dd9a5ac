package io.calendargateway.sync;

/**
 * Fired (synchronously, on a worker thread) when stored data may have changed: a table named by a database
 * notification, or {@link #ALL} on the periodic safety-net reload.
 *
 * @param table the table's name ({@code room_binding}, {@code profile}, ...) or {@link #ALL}
 */
public record DataChanged(String table) {

    public static final String ALL = "*";

    /** Whether whoever holds a copy of {@code name} should reload it. */
    public boolean concerns(String name) {
        return ALL.equals(table) || table.equals(name);
    }
}
