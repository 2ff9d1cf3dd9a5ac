package io.calendargateway.simulator;

import java.time.ZoneId;
import java.util.Locale;

/** A mailbox (user, room, equipment or shared) with its time zone and primary calendar folder tree. */
public final class Mailbox {

    /** The recipient type; Graph's mailboxSettings {@code userPurpose} is its lower-case name. */
    public enum Type { USER, ROOM, EQUIPMENT, SHARED }

    private final String smtp;
    private final String displayName;
    private final Type type;
    private final ZoneId timeZone;
    private final CalendarFolder calendar = new CalendarFolder("Calendar");
    private Tenant tenant;
    private Integer capacity;
    private String building;

    public Mailbox(String smtp, String displayName, Type type, ZoneId timeZone) {
        this.smtp = smtp.toLowerCase(Locale.ROOT);
        this.displayName = displayName;
        this.type = type;
        this.timeZone = timeZone;
    }

    public static Mailbox room(String smtp, String displayName, String zone) {
        return new Mailbox(smtp, displayName, Type.ROOM, ZoneId.of(zone));
    }

    public static Mailbox user(String smtp, String displayName, String zone) {
        return new Mailbox(smtp, displayName, Type.USER, ZoneId.of(zone));
    }

    public static Mailbox equipment(String smtp, String displayName, String zone) {
        return new Mailbox(smtp, displayName, Type.EQUIPMENT, ZoneId.of(zone));
    }

    /** A shared mailbox (a team address without a sign-in of its own). */
    public static Mailbox shared(String smtp, String displayName, String zone) {
        return new Mailbox(smtp, displayName, Type.SHARED, ZoneId.of(zone));
    }

    /** Room facts Graph's places API reports. */
    public Mailbox place(int capacity, String building) {
        this.capacity = capacity;
        this.building = building;
        return this;
    }

    void attach(Tenant t) {
        this.tenant = t;
        calendar.attach(this, "calendar");
    }

    public String smtp() {
        return smtp;
    }

    public String displayName() {
        return displayName;
    }

    public Type type() {
        return type;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    /** The primary calendar (distinguished folder {@code calendar}); events and sub-folders go here. */
    public CalendarFolder calendar() {
        return calendar;
    }

    public Tenant tenant() {
        return tenant;
    }

    public Integer capacity() {
        return capacity;
    }

    public String building() {
        return building;
    }

    /** The directory object id (Graph {@code id}). */
    public String objectId() {
        return Ids.guidFrom("user:" + smtp);
    }

    /** The X.500 address Exchange returns as an EX routing address. */
    public String legacyDn() {
        String org = tenant == null ? "First Organization" : tenant.legacyDnOrganization();
        String local = smtp.substring(0, smtp.indexOf('@'));
        return "/o=" + org + "/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="
                + Ids.hexHash(smtp, 16) + "-" + local;
    }

    String alias() {
        return smtp.substring(0, smtp.indexOf('@'));
    }
}
