package io.calendargateway.error;

/**
 * Optimistic concurrency of the admin API's writes, one rule for every resource: an {@code If-Match} matches the
 * current ETag or {@code *}; a write that lost a race shows as an optimistic-lock failure or as a violated
 * constraint somewhere in the failure's cause chain.
 */
public final class WriteConflicts {

    private WriteConflicts() {
    }

    /** Whether the {@code If-Match} header names the resource's current ETag, or is {@code *}. */
    public static boolean matches(String ifMatch, String etag) {
        String value = ifMatch == null ? "" : ifMatch.strip();
        return value.equals(etag) || value.equals("*");
    }

    /** Whether another request changed the row between our read and our write (a version check failed). */
    public static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database refused the write for the constraint named {@code constraint}. */
    public static boolean violated(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
