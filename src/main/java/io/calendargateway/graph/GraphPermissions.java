package io.calendargateway.graph;

import io.calendargateway.oauth.JwtClaims;

import java.util.ArrayList;
import java.util.List;

/**
 * The Microsoft Graph permissions a token carries ({@code roles} of an app-only token, {@code scp} of a delegated
 * one), and which of those the gateway needs are missing. Read from the token without verifying it: only to
 * explain failures and to skip requests that cannot succeed.
 */
record GraphPermissions(List<String> granted) {

    /** A permission the gateway needs, what for, and the broader ones that include it. */
    record Needed(String name, String purpose, List<String> alternatives) {

        boolean satisfiedBy(List<String> granted) {
            return granted.contains(name) || alternatives.stream().anyMatch(granted::contains);
        }
    }

    static final List<Needed> NEEDED = List.of(
            new Needed("Calendars.Read", "read room calendars (door signs, diagnostics, calendar trees)",
                    List.of("Calendars.ReadBasic.All", "Calendars.ReadWrite")),
            new Needed("Place.Read.All", "list room lists and rooms, and confirm which mailboxes are rooms",
                    List.of("Place.ReadWrite.All")),
            new Needed("User.Read.All", "search mailboxes by name",
                    List.of("User.ReadBasic.All", "User.ReadWrite.All", "Directory.Read.All",
                            "Directory.ReadWrite.All")));

    GraphPermissions {
        granted = List.copyOf(granted);
    }

    /** The application permissions ({@code roles}) and delegated ones ({@code scp}) of a token. */
    static GraphPermissions of(JwtClaims claims) {
        List<String> granted = new ArrayList<>(claims.roles());
        granted.addAll(claims.scopes());
        return new GraphPermissions(granted);
    }

    /** The needed permissions the token lacks, in the order of {@link #NEEDED}. */
    List<Needed> missing() {
        return NEEDED.stream().filter(needed -> !needed.satisfiedBy(granted)).toList();
    }

    /** {@code mailboxSettings.userPurpose} tells equipment from people; without the permission Graph answers 403. */
    boolean canReadMailboxSettings() {
        return granted.contains("MailboxSettings.Read") || granted.contains("MailboxSettings.ReadWrite");
    }
}
