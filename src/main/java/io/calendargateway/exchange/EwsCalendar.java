package io.calendargateway.exchange;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.calendargateway.exchange.CalendarParts.Part;
import io.calendargateway.config.EwsConfig;
import io.calendargateway.profile.AuthType;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.upstream.Appointment;
import io.calendargateway.upstream.CalendarBackend;
import io.calendargateway.upstream.FolderNode;
import io.calendargateway.upstream.NameSearch;
import io.calendargateway.upstream.ProfileGuards;
import io.calendargateway.upstream.RoomDirectory;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;
import jakarta.enterprise.context.ApplicationScoped;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.search.ResolveNameSearchLocation;
import microsoft.exchange.webservices.data.core.service.schema.AppointmentSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.misc.NameResolutionCollection;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.search.CalendarView;
import microsoft.exchange.webservices.data.search.FindItemsResults;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Room calendars over EWS: CalendarView (split and halved until complete, see {@link CalendarParts}), organizers'
 * X.500 addresses resolved to SMTP once per address; the directory (room lists, name search, folder trees) is
 * {@link EwsDirectory}'s.
 */
@ApplicationScoped
public class EwsCalendar implements CalendarBackend {

    /** CalendarView cannot page; Exchange's own cap is 1000 items per view. */
    static final int MAX_ENTRIES = 1000;
    private static final Pattern DISPLAY_OFFSET = Pattern.compile("^\\(UTC([+-]\\d{2}:\\d{2})\\)");

    /** What a CalendarView asks for (package-visible: the benchmark sends the same view without the gateway). */
    static final PropertySet ITEM_PROPERTIES = new PropertySet(BasePropertySet.IdOnly,
            ItemSchema.Subject, ItemSchema.Sensitivity, AppointmentSchema.Start, AppointmentSchema.End,
            AppointmentSchema.IsAllDayEvent, AppointmentSchema.LegacyFreeBusyStatus, AppointmentSchema.Location,
            AppointmentSchema.IsCancelled, AppointmentSchema.AppointmentType, AppointmentSchema.Organizer,
            AppointmentSchema.ICalUid, AppointmentSchema.TimeZone);

    private final EwsConnections connections;
    private final ProfileService profiles;
    private final ProfileGuards guards;
    private final EwsDirectory directory;
    private final Duration defaultBackOff;
    /** "profile id:version:X.500 address" to the SMTP address, or empty when the directory knows none. */
    private final Cache<String, Optional<String>> smtpByLegacyDn = Caffeine.newBuilder()
            .maximumSize(50_000).expireAfterWrite(Duration.ofHours(24)).build();

    public EwsCalendar(EwsConnections connections, ProfileService profiles, ProfileGuards guards,
                       EwsDirectory directory, EwsConfig config) {
        this.connections = connections;
        this.profiles = profiles;
        this.guards = guards;
        this.directory = directory;
        this.defaultBackOff = config.defaultBackOff();
    }

    @Override
    public ProfileKind kind() {
        return ProfileKind.EWS;
    }

    @Override
    public List<Appointment> appointments(Profile profile, String mailbox, String folderId, Instant from,
                                          Instant to) {
        return guards.call(profile, "CalendarView", defaultBackOff,
                () -> calendarView(profile, mailbox, folderId, from, to));
    }

    private List<Appointment> calendarView(Profile profile, String mailbox, String folderId, Instant from,
                                           Instant to) {
        EwsConnectionPool pool = connections.pool(profile, profiles.decryptedSecrets(profile));
        FolderId folder = folderId == null ? EwsConnectionPool.calendarOf(mailbox) : folder(folderId);
        Map<String, microsoft.exchange.webservices.data.core.service.item.Appointment> items = new LinkedHashMap<>();
        Deque<Part> parts = new ArrayDeque<>(CalendarParts.split(from, to, CalendarParts.MAX_PART));
        while (!parts.isEmpty()) {
            Part part = parts.pop();
            FindItemsResults<microsoft.exchange.webservices.data.core.service.item.Appointment> found =
                    pool.withService(mailbox, service -> service.findAppointments(folder, view(part)));
            if (found.isMoreAvailable()) {
                if (!part.canHalve()) {
                    throw new UpstreamException(new UpstreamFailure(UpstreamFailure.Kind.EXCHANGE_ERROR,
                            "ErrorExceededFindCountLimit", "More than " + MAX_ENTRIES
                            + " items of " + mailbox + " start within one minute at " + part.start(), null), null);
                }
                List<Part> halves = part.halves();
                parts.push(halves.get(1));
                parts.push(halves.get(0));
                continue;
            }
            for (var item : found.getItems()) {
                items.putIfAbsent(EwsAppointments.idOf(item), item);
            }
        }
        Map<String, String> smtp = resolveOrganizers(profile, pool, mailbox, items.values());
        List<Appointment> result = new ArrayList<>(items.size());
        for (var item : items.values()) {
            Appointment appointment = EwsAppointments.toAppointment(item, smtp);
            if (appointment.overlaps(from, to)) {
                result.add(appointment);
            }
        }
        return result;
    }

    @Override
    public RoomDirectory rooms(Profile profile) {
        // EWS cannot tell a room from a person other than by a room list naming it
        return RoomDirectory.ofLists(directory.roomLists(profile));
    }

    @Override
    public NameSearch searchDirectory(Profile profile, String search) {
        return directory.searchDirectory(profile, search);
    }

    @Override
    public FolderNode calendarFolders(Profile profile, String mailbox) {
        return directory.calendarFolders(profile, mailbox);
    }

    /**
     * The mailbox calls about no particular mailbox go through: none, except for app-only profiles, which must
     * impersonate someone on every call (their {@code autodiscoverEmail}).
     */
    static String anchorOf(Profile profile) {
        return profile.authType == AuthType.OAUTH2_CLIENT_CREDENTIALS ? profile.autodiscoverEmail : null;
    }

    private static FolderId folder(String id) {
        try {
            return new FolderId(id);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a folder id: " + id, e);
        }
    }

    private static CalendarView view(Part part) {
        CalendarView view = new CalendarView(Date.from(part.start()), Date.from(part.end()), MAX_ENTRIES);
        view.setPropertySet(ITEM_PROPERTIES);
        return view;
    }

    /** SMTP addresses of the items' organizers that FindItem gave as X.500 addresses, from cache or directory. */
    private Map<String, String> resolveOrganizers(Profile profile, EwsConnectionPool pool, String mailbox,
                                                  Iterable<microsoft.exchange.webservices.data.core.service.item.Appointment> items) {
        Map<String, String> smtp = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (var item : items) {
            String dn = EwsAppointments.legacyDnOfOrganizer(item);
            if (dn == null) {
                continue;
            }
            Optional<String> known = smtpByLegacyDn.getIfPresent(cacheKey(profile, dn));
            if (known != null) {
                known.ifPresent(address -> smtp.put(dn, address));
            } else {
                missing.add(dn);
            }
        }
        if (missing.isEmpty()) {
            return smtp;
        }
        pool.withService(mailbox, service -> {
            for (String dn : missing) {
                NameResolutionCollection resolved = service.resolveName(dn, ResolveNameSearchLocation.DirectoryOnly,
                        false);
                Optional<String> address = resolved.getCount() == 1
                        ? Optional.ofNullable(EwsAppointments.smtpOrNull(resolved.nameResolutionCollection(0)
                                .getMailbox()))
                        : Optional.empty();
                smtpByLegacyDn.put(cacheKey(profile, dn), address);
                address.ifPresent(a -> smtp.put(dn, a));
            }
            return null;
        });
        return smtp;
    }

    private static String cacheKey(Profile profile, String dn) {
        return profile.id + ":" + profile.version + ":" + dn.toLowerCase(Locale.ROOT);
    }

    /** The standard UTC offset in a legacy time zone display name ("(UTC+05:30) Chennai, ..."), or null. */
    static ZoneId offsetOfDisplayName(String display) {
        if (display == null) {
            return null;
        }
        if (display.startsWith("(UTC)")) {
            return ZoneOffset.UTC;
        }
        Matcher m = DISPLAY_OFFSET.matcher(display);
        return m.find() ? ZoneOffset.of(m.group(1)) : null;
    }
}
