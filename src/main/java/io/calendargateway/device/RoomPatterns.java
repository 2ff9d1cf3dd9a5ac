package io.calendargateway.device;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rooms a device key covers: exact addresses ({@code room1@contoso.com}) or whole domains ({@code *@contoso.com}). */
public record RoomPatterns(List<String> patterns) {

    private static final Pattern PATTERN = Pattern.compile(
            "(\\*|[^@\\s*/\\\\]+)@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    /** The pattern lower-case, or null when it is not one. */
    static String normalized(String pattern) {
        String value = pattern == null ? "" : pattern.strip().toLowerCase(Locale.ROOT);
        return PATTERN.matcher(value).matches() ? value : null;
    }

    /** @param mail lower-case */
    public boolean covers(String mail) {
        for (String pattern : patterns) {
            if (pattern.startsWith("*@") ? mail.endsWith(pattern.substring(1)) && mail.indexOf('@') > 0
                    : pattern.equals(mail)) {
                return true;
            }
        }
        return false;
    }
}
