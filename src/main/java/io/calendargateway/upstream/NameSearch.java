package io.calendargateway.upstream;

import java.util.List;

/**
 * The directory entries a name search found, in the backend's order.
 *
 * @param complete false when the backend stopped before the last match (EWS ResolveNames: 100 entries)
 */
public record NameSearch(List<Recipient> found, boolean complete) {

    public NameSearch {
        found = List.copyOf(found);
    }
}
