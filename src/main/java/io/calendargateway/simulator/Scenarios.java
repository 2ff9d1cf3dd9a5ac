package io.calendargateway.simulator;

import static io.calendargateway.simulator.CalendarEvent.ShowAs.FREE;
import static io.calendargateway.simulator.CalendarEvent.ShowAs.OOF;
import static io.calendargateway.simulator.CalendarEvent.ShowAs.TENTATIVE;
import static io.calendargateway.simulator.CalendarEvent.ShowAs.WORKING_ELSEWHERE;

import io.calendargateway.simulator.CalendarEvent.Change;
import io.calendargateway.simulator.CalendarEvent.Sensitivity;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;

/**
 * The default scenario every gateway test can rely on. Events are placed relative to "today" (the reference
 * date, by default today in Europe/Berlin), so today's calendar always has data. See {@code README.md} in this package
 * for the full table.
 *
 * <h2>On-premises organization {@code contoso} (contoso.com, Windows domain CONTOSO, Exchange SE)</h2>
 * <ul>
 *   <li>{@code CONTOSO\svc-gateway} / {@value #SVC_GATEWAY_PASSWORD}: ApplicationImpersonation on rooms and
 *       equipment only (no mailbox of its own)</li>
 *   <li>{@code CONTOSO\svc-delegate} / {@value #SVC_DELEGATE_PASSWORD}: no impersonation; FullAccess on room1 and
 *       room2</li>
 *   <li>{@code CONTOSO\svc-noaccess} / {@value #SVC_NOACCESS_PASSWORD}: no rights at all</li>
 *   <li>{@code CONTOSO\svc-admin} / {@value #SVC_ADMIN_PASSWORD}: impersonation on every mailbox</li>
 *   <li>{@code CONTOSO\svc-limited} / {@value #SVC_LIMITED_PASSWORD}: impersonation on rooms, EWS concurrency
 *       limit 1 (a second concurrent request gets ErrorServerBusy)</li>
 *   <li>{@code CONTOSO\alexw} / {@value #ALEX_PASSWORD}: Alex Wilber, a user with his own mailbox</li>
 * </ul>
 * Rooms: room1 (everything: series, all-day, private, personal, cancelled in English and German, every free/busy
 * status, Berlin DST), room2 (subjects are the organizer's name), boardroom (calendar sub-folders), room3 (more
 * than 1000 items a year), room-ny (America/New_York, its DST change, all-day events west of UTC), room-in
 * (Asia/Kolkata, all-day events at 18:30Z the day before), room-busy (more than 1000 items in any 31 days),
 * training (a calendar folder tree three levels deep, svc-delegate has FullAccess on it).
 * Room lists building1, building2 and building3. The user alexw has a meeting of his own on D (a mailbox in the
 * domain but in no room list).
 *
 * <h2>Exchange Online tenant {@code fabrikam} (id {@value #FABRIKAM_TENANT_ID})</h2>
 * Apps: consented {@value #FABRIKAM_APP_CONSENTED}, not consented {@value #FABRIKAM_APP_NO_CONSENT}, expired
 * secret {@value #FABRIKAM_APP_EXPIRED}; users admin (works), mfa (AADSTS50076), blocked (53003), unassigned
 * (50105); any wrong password gives 50126 and an unknown client id 700016.
 *
 * <h2>Exchange Online tenant {@code northwind} (id {@value #NORTHWIND_TENANT_ID})</h2>
 * EWS disabled (HTTP 403) except for the allow-listed app {@value #NORTHWIND_APP_ALLOWED}; Graph works.
 *
 * <h2>Exchange Online tenant {@code tailspin} (id {@value #TAILSPIN_TENANT_ID}, tailspintoys.com)</h2>
 * Read over Graph (EWS disabled): the same rooms, calendars and room lists as contoso (room1 ... training at
 * tailspintoys.com), users alexw, meganb, juergen.weiss, the shared mailbox reception and the equipment
 * projector1. Apps: {@value #TAILSPIN_APP} (Calendars.Read, Place.Read.All, User.Read.All, MailboxSettings.Read),
 * {@value #TAILSPIN_APP_CALENDARS_ONLY} (Calendars.Read only), {@value #TAILSPIN_APP_RESTRICTED} (all four, under
 * an application access policy: only room1 and room2, else 403 RAOP).
 *
 * <h2>On-premises organization {@code litware} (litware.com, Windows domain LITWARE)</h2>
 * No room list at all; {@code LITWARE\svc-directory} / {@value #LITWARE_PASSWORD} impersonates every mailbox.
 */
public final class Scenarios {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    public static final String SVC_GATEWAY_PASSWORD = "Gateway-Pass1";
    public static final String SVC_DELEGATE_PASSWORD = "Delegate-Pass1";
    public static final String SVC_NOACCESS_PASSWORD = "NoAccess-Pass1";
    public static final String SVC_ADMIN_PASSWORD = "Admin-Pass1";
    public static final String SVC_LIMITED_PASSWORD = "Limited-Pass1";
    public static final String ALEX_PASSWORD = "Alex-Pass1";

    public static final String FABRIKAM_TENANT_ID = "6f1d2c3b-4a5e-4f60-8a71-9b8c7d6e5f40";
    public static final String FABRIKAM_APP_CONSENTED = "11111111-aaaa-4bbb-8ccc-000000000001";
    public static final String FABRIKAM_APP_CONSENTED_SECRET = "consented-secret-value";
    public static final String FABRIKAM_APP_NO_CONSENT = "22222222-aaaa-4bbb-8ccc-000000000002";
    public static final String FABRIKAM_APP_NO_CONSENT_SECRET = "noconsent-secret-value";
    public static final String FABRIKAM_APP_EXPIRED = "33333333-aaaa-4bbb-8ccc-000000000003";
    public static final String FABRIKAM_APP_EXPIRED_SECRET = "expired-secret-value";
    public static final String FABRIKAM_ADMIN_PASSWORD = "Fabrikam-Pass1";
    public static final String FABRIKAM_MFA_PASSWORD = "Mfa-Pass1";
    public static final String FABRIKAM_BLOCKED_PASSWORD = "Blocked-Pass1";
    public static final String FABRIKAM_UNASSIGNED_PASSWORD = "Unassigned-Pass1";

    public static final String NORTHWIND_TENANT_ID = "0d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f6a";
    public static final String NORTHWIND_APP = "44444444-aaaa-4bbb-8ccc-000000000004";
    public static final String NORTHWIND_APP_SECRET = "northwind-secret-value";
    public static final String NORTHWIND_APP_ALLOWED = "55555555-aaaa-4bbb-8ccc-000000000005";
    public static final String NORTHWIND_APP_ALLOWED_SECRET = "northwind-allowed-secret";

    public static final String TAILSPIN_TENANT_ID = "3c5a7e9b-1d2f-4a6c-8e0b-7f9d1c3e5a2b";
    public static final String TAILSPIN_DOMAIN = "tailspintoys.com";
    /** Consented: Calendars.Read, Place.Read.All, User.Read.All, MailboxSettings.Read. */
    public static final String TAILSPIN_APP = "66666666-aaaa-4bbb-8ccc-000000000006";
    public static final String TAILSPIN_APP_SECRET = "tailspin-secret-value";
    /** Consented to Calendars.Read only. */
    public static final String TAILSPIN_APP_CALENDARS_ONLY = "77777777-aaaa-4bbb-8ccc-000000000007";
    public static final String TAILSPIN_APP_CALENDARS_ONLY_SECRET = "tailspin-calendars-secret";
    /** All four roles, but an application access policy limits it to the members of {@link #TAILSPIN_POLICY_GROUP}. */
    public static final String TAILSPIN_APP_RESTRICTED = "88888888-aaaa-4bbb-8ccc-000000000008";
    public static final String TAILSPIN_APP_RESTRICTED_SECRET = "tailspin-restricted-secret";
    /** The mail-enabled security group of the restricted app's access policy: room1 and room2. */
    public static final String TAILSPIN_POLICY_GROUP = "doorsign-rooms@tailspintoys.com";

    public static final String LITWARE_PASSWORD = "Litware-Pass1";

    /** Users named "Contoso User 001" ... so that a ResolveNames for "contoso" exceeds the 100-entry cap. */
    public static final int CONTOSO_DIRECTORY_USERS = 110;

    /** Items of the training room's "Archiv" folder: more than the 1000 one EWS find page returns at most. */
    public static final int TRAINING_ARCHIVE_ITEMS = 1200;

    /** room-busy: this many 15-minute daily series from 08:00, so any 31 days from D hold 1240 items. */
    public static final int BUSY_ROOM_SLOTS_PER_DAY = 40;

    private Scenarios() {
    }

    /** The default scenario with today (Europe/Berlin) as reference date. */
    public static Scenario defaultScenario() {
        return defaultScenario(LocalDate.now(Clock.system(BERLIN)));
    }

    public static Scenario defaultScenario(Clock clock) {
        return defaultScenario(LocalDate.now(clock.withZone(BERLIN)));
    }

    public static Scenario defaultScenario(LocalDate today) {
        Scenario s = new Scenario(today);
        contoso(s, today);
        fabrikam(s, today);
        northwind(s, today);
        litware(s, today);
        tailspin(s, today);
        return s;
    }

    private static void contoso(Scenario s, LocalDate d) {
        s.tenant(Tenant.onPremises("contoso", "CONTOSO", "contoso.com"));
        s.account(Account.onPremises("CONTOSO", "svc-gateway", SVC_GATEWAY_PASSWORD).displayName("Gateway Service")
                .impersonation(Account.Impersonation.ROOMS));
        s.account(Account.onPremises("CONTOSO", "svc-delegate", SVC_DELEGATE_PASSWORD)
                .displayName("Delegate Service").delegateOf("room1@contoso.com", "room2@contoso.com",
                        "training@contoso.com"));
        s.account(Account.onPremises("CONTOSO", "svc-noaccess", SVC_NOACCESS_PASSWORD).displayName("No Access"));
        s.account(Account.onPremises("CONTOSO", "svc-admin", SVC_ADMIN_PASSWORD).displayName("Admin Service")
                .impersonation(Account.Impersonation.ALL));
        s.account(Account.onPremises("CONTOSO", "svc-limited", SVC_LIMITED_PASSWORD).displayName("Limited Service")
                .impersonation(Account.Impersonation.ROOMS).maxConcurrency(1));
        s.account(Account.onPremises("CONTOSO", "alexw", ALEX_PASSWORD).displayName("Alex Wilber"));

        Mailbox alexw = Mailbox.user("alexw@contoso.com", "Alex Wilber", "Europe/Berlin");
        s.mailbox(alexw);
        alexw.calendar().add(at("Alex 1:1", d, 11, 0, 30).organizer("Alex Wilber", "alexw@contoso.com"));
        s.mailbox(Mailbox.user("meganb@contoso.com", "Megan Bowen", "Europe/Berlin"));
        for (int i = 1; i <= CONTOSO_DIRECTORY_USERS; i++) {
            String n = String.format(Locale.ROOT, "%03d", i);
            s.mailbox(Mailbox.user("user" + n + "@contoso.com", "Contoso User " + n, "Europe/Berlin"));
        }

        s.mailbox(Mailbox.equipment("projector1@contoso.com", "Projector 1", "Europe/Berlin"));
        s.mailbox(Mailbox.user("juergen.weiss@contoso.com", "Jürgen Weiß", "Europe/Berlin"));
        trickyRooms(s, d, "contoso.com");

        s.autodiscoverRedirectAddress("old.address@contoso.com", "alexw@contoso.com");
        s.autodiscoverRedirectUrl("moved@contoso.com", "{https}/autodiscover/autodiscover.xml");
        s.autodiscoverRedirectAddress("loop1@contoso.com", "loop2@contoso.com");
        s.autodiscoverRedirectAddress("loop2@contoso.com", "loop1@contoso.com");
    }

    /**
     * The rooms every backend must read alike, with their room lists, in the organization of {@code domain}:
     * contoso's over EWS and tailspin's over Graph hold the same calendars (organizers keep their contoso
     * addresses on both sides).
     */
    private static void trickyRooms(Scenario s, LocalDate d, String domain) {
        Mailbox room1 = Mailbox.room("room1@" + domain, "Room 1", "Europe/Berlin").place(8, "Building 1");
        s.mailbox(room1);
        fillRoom1(room1.calendar(), d);

        Mailbox room2 = Mailbox.room("room2@" + domain, "Room 2", "Europe/Berlin").place(6, "Building 1");
        s.mailbox(room2);
        room2.calendar().add(
                at("Alex Wilber", d, 9, 0, 60).organizer("Alex Wilber", "alexw@contoso.com").location("Room 2"),
                at("Megan Bowen", d, 11, 0, 60).organizer("Megan Bowen", "meganb@contoso.com").location("Room 2"),
                at("Alex Wilber", d, 14, 0, 60).organizer("Alex Wilber", "alexw@contoso.com").location("Room 2"),
                at("Board prep", d, 16, 0, 30).organizer("Megan Bowen", "meganb@contoso.com").location("Room 2"));

        Mailbox board = Mailbox.room("boardroom@" + domain, "Board Room", "Europe/Berlin").place(20, "Building 1");
        s.mailbox(board);
        board.calendar().add(
                at("Board meeting", d, 10, 0, 120).organizer("Megan Bowen", "meganb@contoso.com"),
                at("Strategy", d.plusDays(1), 13, 0, 120).organizer("Alex Wilber", "alexw@contoso.com"));
        board.calendar().folder("Projects", p -> {
            p.add(at("Project kickoff", d, 15, 0, 60), at("Project review", d.plusDays(2), 9, 0, 60),
                    at("Retro", d.plusDays(4), 11, 0, 60));
            p.folder("Archive", a -> a.add(at("Old project", d.minusDays(30), 10, 0, 60)));
        });
        board.calendar().folder("Holidays", h -> h.add(
                CalendarEvent.allDay("Public holiday", d.plusDays(10), d.plusDays(10), BERLIN),
                CalendarEvent.allDay("Team retreat", d.plusDays(20), d.plusDays(21), BERLIN)));

        Mailbox room3 = Mailbox.room("room3@" + domain, "Room 3", "Europe/Berlin").place(12, "Building 2");
        s.mailbox(room3);
        String[] blocks = {"Morning block", "Midday block", "Afternoon block"};
        int[] hours = {8, 11, 14};
        for (int i = 0; i < 3; i++) {
            room3.calendar().add(at(blocks[i], d.minusDays(180), hours[i], 0, 60)
                    .organizer("Megan Bowen", "meganb@contoso.com").recurring(Recurrence.daily(1).count(365)));
        }

        Mailbox roomNy = Mailbox.room("room-ny@" + domain, "Room NY", "America/New_York").place(10, "New York");
        s.mailbox(roomNy);
        LocalDate nyChange = nextTransition(NEW_YORK, d);
        roomNy.calendar().add(
                CalendarEvent.at("NY planning", d.atTime(10, 0), d.atTime(11, 0), NEW_YORK)
                        .organizer("Alex Wilber", "alexw@contoso.com"),
                CalendarEvent.at("NY DST weekly", nyChange.minusDays(14).atTime(9, 0), nyChange.minusDays(14)
                        .atTime(10, 0), NEW_YORK).organizer("Megan Bowen", "meganb@contoso.com")
                        .recurring(Recurrence.weekly(1, nyChange.getDayOfWeek()).count(5)),
                // west of UTC an all-day event starts at 04:00Z or 05:00Z of its own date
                CalendarEvent.allDay("NY holiday", d.plusDays(2), d.plusDays(2), NEW_YORK),
                CalendarEvent.allDay("NY conference", d.plusDays(4), d.plusDays(5), NEW_YORK)
                        .showAs(CalendarEvent.ShowAs.BUSY).organizer("Alex Wilber", "alexw@contoso.com"));

        Mailbox roomIn = Mailbox.room("room-in@" + domain, "Room Mumbai", "Asia/Kolkata").place(6, "Mumbai");
        s.mailbox(roomIn);
        roomIn.calendar().add(
                CalendarEvent.at("Mumbai sync", d.atTime(10, 0), d.atTime(11, 0), KOLKATA)
                        .organizer("Megan Bowen", "meganb@contoso.com"),
                // east of UTC an all-day event starts the UTC day before: 18:30Z
                CalendarEvent.allDay("Diwali", d.plusDays(1), d.plusDays(1), KOLKATA));

        Mailbox busy = Mailbox.room("room-busy@" + domain, "Busy Room", "Europe/Berlin").place(4, "Building 3");
        s.mailbox(busy);
        for (int i = 0; i < BUSY_ROOM_SLOTS_PER_DAY; i++) {
            LocalTime t = LocalTime.of(8, 0).plusMinutes(15L * i);
            busy.calendar().add(at("Slot " + t, d.minusDays(3), t.getHour(), t.getMinute(), 15)
                    .organizer("Megan Bowen", "meganb@contoso.com").recurring(Recurrence.daily(1).count(45)));
        }

        Mailbox training = Mailbox.room("training@" + domain, "Schulungsraum Köln", "Europe/Berlin")
                .place(16, "Building 3");
        s.mailbox(training);
        fillTraining(training.calendar(), d);

        s.roomList(new RoomList("building1@" + domain, "Building 1 Rooms", "room1@" + domain,
                "room2@" + domain, "boardroom@" + domain));
        s.roomList(new RoomList("building2@" + domain, "Building 2 Rooms", "room3@" + domain,
                "room-ny@" + domain, "room-in@" + domain));
        s.roomList(new RoomList("building3@" + domain, "Building 3 Rooms", "room-busy@" + domain,
                "training@" + domain));
    }

    /**
     * The folder tree of the training room: sub-folders three levels deep, an empty one, one holding more items than
     * Exchange returns in one find page, more folders than the gateway's test page size; series count once.
     */
    private static void fillTraining(CalendarFolder cal, LocalDate d) {
        String megan = "meganb@contoso.com";
        cal.add(at("Onboarding", d.minusDays(7), 9, 0, 60).organizer("Megan Bowen", megan)
                        .recurring(Recurrence.weekly(1, d.getDayOfWeek()).count(10)),
                at("Trainer-Briefing", d, 8, 0, 30).organizer("Megan Bowen", megan));
        cal.folder("Kurse", k -> {
            k.add(at("Excel-Grundlagen", d, 10, 0, 120), at("Präsentieren", d.plusDays(1), 10, 0, 120),
                    at("Zeitmanagement", d.plusDays(2), 10, 0, 120));
            k.folder("Sprachen", l -> {
                l.add(at("Englisch B2", d.minusDays(14), 16, 0, 90).recurring(Recurrence.weekly(1,
                        d.getDayOfWeek()).count(6)));
                l.folder("Französisch", f -> f.add(at("Französisch A1", d, 14, 0, 90),
                        at("Französisch A2", d.plusDays(1), 14, 0, 90)));
            });
        });
        cal.folder("Leer", empty -> {
        });
        cal.folder("Externe Buchungen", e -> e.add(at("Kundenworkshop", d, 13, 0, 60)));
        cal.folder("Archiv", a -> {
            for (int i = 1; i <= TRAINING_ARCHIVE_ITEMS; i++) {
                a.add(at("Schulung " + i, d.minusDays(400).plusDays(i / 4), 8 + 2 * (i % 4), 0, 90));
            }
        });
    }

    private static void fillRoom1(CalendarFolder cal, LocalDate d) {
        String alexName = "Alex Wilber";
        String alex = "alexw@contoso.com";
        String megan = "meganb@contoso.com";
        cal.add(at("Budget review", d, 9, 0, 60).organizer(alexName, alex).location("Room 1"));
        cal.add(at("Quick sync", d, 9, 0, 30).organizer("Megan Bowen", megan).location("Room 1"));
        cal.add(at("Daily stand-up", d.minusDays(7), 8, 30, 15).organizer("Megan Bowen", megan).location("Room 1")
                .recurring(Recurrence.daily(1).count(21))
                .change(d.plusDays(1), c -> Change.moveTo(d.plusDays(1).atTime(9, 15), d.plusDays(1).atTime(9, 30))
                        .withSubject("Daily stand-up (moved)"))
                .delete(d.plusDays(2))
                .change(d.plusDays(4), c -> c.withSubject("Daily stand-up (demo day)")));
        cal.add(at("Weekly planning", d.minusDays(14), 14, 0, 60).organizer(alexName, alex).location("Room 1")
                .recurring(Recurrence.weekly(1, d.getDayOfWeek()).count(8))
                .change(d.plusDays(7), c -> Change.moveTo(d.plusDays(7).atTime(14, 0), d.plusDays(7).atTime(16, 0))
                        .withSubject("Weekly planning (extended)"))
                .delete(d.plusDays(14)));
        cal.add(at("Vendor demo", d, 10, 30, 30).organizer(alexName, alex).showAs(TENTATIVE));
        cal.add(at("Salary talk", d, 12, 0, 30).organizer(alexName, alex).sensitivity(Sensitivity.PRIVATE));
        cal.add(at("Team lunch", d, 12, 30, 60).organizer("Megan Bowen", megan).cancelled());
        cal.add(at("Coffee corner open", d, 15, 0, 30).showAs(FREE));
        cal.add(at("Merger discussion", d, 16, 0, 60).organizer(alexName, alex)
                .sensitivity(Sensitivity.CONFIDENTIAL));
        cal.add(at("Maintenance", d, 17, 0, 60).showAs(OOF));
        cal.add(at("Remote session", d, 18, 0, 30).organizer("Megan Bowen", megan).showAs(WORKING_ELSEWHERE));
        cal.add(CalendarEvent.allDay("Company holiday", d.plusDays(3), d.plusDays(3), BERLIN));
        cal.add(CalendarEvent.allDay("Offsite", d.plusDays(5), d.plusDays(7), BERLIN)
                .showAs(CalendarEvent.ShowAs.BUSY).organizer(alexName, alex));
        LocalDate change = nextTransition(BERLIN, d);
        cal.add(at("Berlin DST weekly", change.minusDays(14), 10, 0, 60).organizer(alexName, alex)
                .recurring(Recurrence.weekly(1, change.getDayOfWeek()).count(5)));
        cal.add(at("Dentist", d.plusDays(1), 11, 0, 30).organizer(alexName, alex)
                .sensitivity(Sensitivity.PERSONAL));
        cal.add(at("Jour fixe", d.plusDays(1), 13, 0, 30).organizer("Megan Bowen", megan).cancelled("Abgesagt: "));
    }

    private static void fabrikam(Scenario s, LocalDate d) {
        s.tenant(Tenant.online(FABRIKAM_TENANT_ID, "fabrikam", "fabrikam.com", "fabrikam.onmicrosoft.com"));
        s.app("fabrikam", new OAuthApp(FABRIKAM_APP_CONSENTED, "Door Signs", FABRIKAM_APP_CONSENTED_SECRET));
        s.app("fabrikam", new OAuthApp(FABRIKAM_APP_NO_CONSENT, "Door Signs (no consent)",
                FABRIKAM_APP_NO_CONSENT_SECRET).withoutConsent());
        s.app("fabrikam", new OAuthApp(FABRIKAM_APP_EXPIRED, "Door Signs (expired secret)",
                FABRIKAM_APP_EXPIRED_SECRET).secretExpired());
        s.account(Account.online("admin@fabrikam.com", FABRIKAM_ADMIN_PASSWORD).displayName("Fabrikam Admin")
                .delegateOf("meeting-a@fabrikam.com", "meeting-b@fabrikam.com"));
        s.account(Account.online("mfa@fabrikam.com", FABRIKAM_MFA_PASSWORD).displayName("MFA User").signInError(50076));
        s.account(Account.online("blocked@fabrikam.com", FABRIKAM_BLOCKED_PASSWORD).displayName("Blocked User")
                .signInError(53003));
        s.account(Account.online("unassigned@fabrikam.com", FABRIKAM_UNASSIGNED_PASSWORD)
                .displayName("Unassigned User").signInError(50105));
        s.mailbox(Mailbox.user("admin@fabrikam.com", "Fabrikam Admin", "Europe/Berlin"));

        Mailbox a = Mailbox.room("meeting-a@fabrikam.com", "Meeting Room A", "Europe/Berlin").place(10, "HQ");
        s.mailbox(a);
        a.calendar().add(
                at("Fabrikam sync", d, 9, 0, 60).organizer("Fabrikam Admin", "admin@fabrikam.com")
                        .location("Meeting Room A"),
                at("Fabrikam weekly", d.minusDays(7), 13, 0, 60).organizer("Fabrikam Admin", "admin@fabrikam.com")
                        .recurring(Recurrence.weekly(1, d.getDayOfWeek()).count(4)),
                CalendarEvent.allDay("Fabrikam all-hands", d, d, BERLIN),
                at("Interview", d, 15, 0, 60).organizer("Fabrikam Admin", "admin@fabrikam.com").showAs(TENTATIVE),
                at("Focus time", d, 16, 0, 60).organizer("Fabrikam Admin", "admin@fabrikam.com")
                        .showAs(WORKING_ELSEWHERE));
        for (int i = 0; i < 12; i++) {
            LocalTime t = LocalTime.of(8, 0).plusMinutes(30L * i);
            a.calendar().add(CalendarEvent.at(String.format(Locale.ROOT, "Slot %02d", i + 1),
                    d.plusDays(1).atTime(t), d.plusDays(1).atTime(t.plusMinutes(30)), BERLIN)
                    .organizer("Fabrikam Admin", "admin@fabrikam.com"));
        }
        Mailbox b = Mailbox.room("meeting-b@fabrikam.com", "Meeting Room B", "America/New_York").place(4, "NY Office");
        s.mailbox(b);
        b.calendar().add(CalendarEvent.at("NY client call", d.atTime(10, 0), d.atTime(11, 0), NEW_YORK)
                .organizer("Fabrikam Admin", "admin@fabrikam.com"));
        s.roomList(new RoomList("rooms-hq@fabrikam.com", "HQ Rooms", "meeting-a@fabrikam.com",
                "meeting-b@fabrikam.com"));
    }

    private static void northwind(Scenario s, LocalDate d) {
        s.tenant(Tenant.online(NORTHWIND_TENANT_ID, "northwind", "northwind.com", "northwind.onmicrosoft.com")
                .ewsDisabled(NORTHWIND_APP_ALLOWED));
        s.app("northwind", new OAuthApp(NORTHWIND_APP, "Door Signs", NORTHWIND_APP_SECRET));
        s.app("northwind", new OAuthApp(NORTHWIND_APP_ALLOWED, "Door Signs (EWS allow-listed)",
                NORTHWIND_APP_ALLOWED_SECRET));
        Mailbox conf = Mailbox.room("conference@northwind.com", "Conference Room", "Europe/Berlin").place(14, "Main");
        s.mailbox(conf);
        conf.calendar().add(at("Northwind review", d, 10, 0, 60));
        s.roomList(new RoomList("rooms@northwind.com", "Northwind Rooms", "conference@northwind.com"));
    }

    /**
     * An Exchange Online tenant read over Graph (EWS off, as for tenants since October 2026) whose rooms hold the
     * same calendars as contoso's, so both backends can be checked against the same data.
     */
    private static void tailspin(Scenario s, LocalDate d) {
        s.tenant(Tenant.online(TAILSPIN_TENANT_ID, "tailspin", TAILSPIN_DOMAIN, "tailspintoys.onmicrosoft.com")
                .ewsDisabled());
        String[] roles = {"Calendars.Read", "Place.Read.All", "User.Read.All", "MailboxSettings.Read"};
        s.app("tailspin", new OAuthApp(TAILSPIN_APP, "Door Signs", TAILSPIN_APP_SECRET).graphRoles(roles));
        s.app("tailspin", new OAuthApp(TAILSPIN_APP_CALENDARS_ONLY, "Door Signs (Calendars.Read only)",
                TAILSPIN_APP_CALENDARS_ONLY_SECRET).graphRoles("Calendars.Read"));
        s.app("tailspin", new OAuthApp(TAILSPIN_APP_RESTRICTED, "Door Signs (access policy)",
                TAILSPIN_APP_RESTRICTED_SECRET).graphRoles(roles)
                .restrictAccess(TAILSPIN_POLICY_GROUP, "room1@" + TAILSPIN_DOMAIN, "room2@" + TAILSPIN_DOMAIN));
        Mailbox alexw = Mailbox.user("alexw@" + TAILSPIN_DOMAIN, "Alex Wilber", "Europe/Berlin");
        s.mailbox(alexw);
        alexw.calendar().add(at("Alex 1:1", d, 11, 0, 30).organizer("Alex Wilber", "alexw@" + TAILSPIN_DOMAIN));
        s.mailbox(Mailbox.user("meganb@" + TAILSPIN_DOMAIN, "Megan Bowen", "Europe/Berlin"));
        s.mailbox(Mailbox.user("juergen.weiss@" + TAILSPIN_DOMAIN, "Jürgen Weiß", "Europe/Berlin"));
        s.mailbox(Mailbox.shared("reception@" + TAILSPIN_DOMAIN, "Reception", "Europe/Berlin"));
        s.mailbox(Mailbox.equipment("projector1@" + TAILSPIN_DOMAIN, "Projector 1", "Europe/Berlin"));
        trickyRooms(s, d, TAILSPIN_DOMAIN);
    }

    /** An on-premises organisation without any room list: nothing in its directory can be told to be a room. */
    private static void litware(Scenario s, LocalDate d) {
        s.tenant(Tenant.onPremises("litware", "LITWARE", "litware.com"));
        s.account(Account.onPremises("LITWARE", "svc-directory", LITWARE_PASSWORD).displayName("Litware Directory")
                .impersonation(Account.Impersonation.ALL));
        s.mailbox(Mailbox.user("lee@litware.com", "Lee Gu", "Europe/Berlin"));
        Mailbox lobby = Mailbox.room("lobby@litware.com", "Lobby", "Europe/Berlin");
        s.mailbox(lobby);
        lobby.calendar().add(at("Visitors", d, 9, 0, 60));
    }

    /** A Europe/Berlin meeting on {@code day} at hh:mm lasting {@code minutes}. */
    private static CalendarEvent at(String subject, LocalDate day, int hour, int minute, int minutes) {
        return CalendarEvent.at(subject, ZonedDateTime.of(day, LocalTime.of(hour, minute), BERLIN),
                Duration.ofMinutes(minutes));
    }

    /** The date of the zone's next UTC-offset change strictly after {@code from}. */
    static LocalDate nextTransition(ZoneId zone, LocalDate from) {
        ZoneOffsetTransition t = zone.getRules().nextTransition(from.atStartOfDay(zone).toInstant());
        return LocalDateTime.ofInstant(t.getInstant(), zone).toLocalDate();
    }
}
