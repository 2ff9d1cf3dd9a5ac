package io.calendargateway.exchange;

import io.calendargateway.upstream.Appointment;
import io.calendargateway.upstream.Appointment.Sensitivity;
import io.calendargateway.upstream.Appointment.ShowAs;
import io.calendargateway.upstream.Appointment.Type;
import microsoft.exchange.webservices.data.core.enumeration.property.LegacyFreeBusyStatus;
import microsoft.exchange.webservices.data.core.enumeration.service.calendar.AppointmentType;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;

import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Turns ews-java-api appointments into backend-neutral {@link Appointment}s. Exchange 2010 SP2, the newest
 * schema the library knows, has no {@code WorkingElsewhere}: such meetings arrive as {@code Free}.
 */
final class EwsAppointments {

    private EwsAppointments() {
    }

    /**
     * @param smtpByLegacyDn organizers' SMTP addresses for the X.500 addresses FindItem gave
     */
    static Appointment toAppointment(microsoft.exchange.webservices.data.core.service.item.Appointment item,
                                     Map<String, String> smtpByLegacyDn) {
        AppointmentType kind = orNull(item::getAppointmentType);
        Type type = kind == AppointmentType.Occurrence ? Type.OCCURRENCE
                : kind == AppointmentType.Exception ? Type.EXCEPTION : Type.SINGLE;
        EmailAddress organizer = orNull(item::getOrganizer);
        String organizerName = organizer == null || blank(organizer.getName()) ? null : organizer.getName().strip();
        String organizerMail = organizer == null ? null : smtpOrNull(organizer);
        if (organizerMail == null && organizer != null && isLegacyDn(organizer.getAddress())) {
            organizerMail = smtpByLegacyDn.get(organizer.getAddress());
        }
        String uid = orNull(item::getICalUid);
        return new Appointment(idOf(item), type == Type.SINGLE || blank(uid) ? null : uid, type,
                orNull(item::getSubject), organizerName, organizerMail, instant(orNull(item::getStart)),
                instant(orNull(item::getEnd)), Boolean.TRUE.equals(orNull(item::getIsAllDayEvent)),
                EwsCalendar.offsetOfDisplayName(orNull(item::getTimeZone)), showAs(orNull(item::getLegacyFreeBusyStatus)),
                sensitivity(orNull(item::getSensitivity)), Boolean.TRUE.equals(orNull(item::getIsCancelled)),
                blank(orNull(item::getLocation)) ? null : orNull(item::getLocation));
    }

    static String idOf(microsoft.exchange.webservices.data.core.service.item.Appointment item) {
        return orNull(() -> item.getId().getUniqueId());
    }

    /** The organizer's X.500 address when FindItem gave one instead of SMTP, else null. */
    static String legacyDnOfOrganizer(microsoft.exchange.webservices.data.core.service.item.Appointment item) {
        EmailAddress organizer = orNull(item::getOrganizer);
        return organizer != null && isLegacyDn(organizer.getAddress()) ? organizer.getAddress() : null;
    }

    /** The address when it is an SMTP address, never an X.500 one. */
    static String smtpOrNull(EmailAddress address) {
        if (address == null || blank(address.getAddress())) {
            return null;
        }
        String value = address.getAddress().strip();
        boolean smtpRouting = address.getRoutingType() == null || "SMTP".equalsIgnoreCase(address.getRoutingType());
        return smtpRouting && !isLegacyDn(value) && value.indexOf('@') > 0 ? value.toLowerCase(Locale.ROOT) : null;
    }

    static boolean isLegacyDn(String address) {
        return address != null && address.regionMatches(true, 0, "/o=", 0, 3);
    }

    private static ShowAs showAs(LegacyFreeBusyStatus status) {
        if (status == null) {
            return ShowAs.UNKNOWN;
        }
        return switch (status) {
            case Free -> ShowAs.FREE;
            case Tentative -> ShowAs.TENTATIVE;
            case Busy -> ShowAs.BUSY;
            case OOF -> ShowAs.OOF;
            case NoData -> ShowAs.UNKNOWN;
        };
    }

    private static Sensitivity sensitivity(
            microsoft.exchange.webservices.data.core.enumeration.property.Sensitivity value) {
        if (value == null) {
            return Sensitivity.NORMAL;
        }
        return switch (value) {
            case Normal -> Sensitivity.NORMAL;
            case Personal -> Sensitivity.PERSONAL;
            case Private -> Sensitivity.PRIVATE;
            case Confidential -> Sensitivity.CONFIDENTIAL;
        };
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The property, or null when the answer did not carry it (the library throws for missing properties). */
    private static <T> T orNull(Callable<T> getter) {
        try {
            return getter.call();
        } catch (Exception missing) {
            return null;
        }
    }
}
