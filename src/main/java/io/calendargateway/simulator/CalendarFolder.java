package io.calendargateway.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A calendar folder (FolderClass IPF.Appointment) with events and sub-folders of any depth. */
public final class CalendarFolder {

    private final String name;
    private final List<CalendarEvent> events = new CopyOnWriteArrayList<>();
    private final List<CalendarFolder> children = new CopyOnWriteArrayList<>();
    private Mailbox mailbox;
    private CalendarFolder parent;
    private String path;

    CalendarFolder(String name) {
        this.name = name;
    }

    /** Adds events; safe while the simulator runs (tests may change a calendar between polls). */
    public CalendarFolder add(CalendarEvent... added) {
        for (CalendarEvent e : added) {
            if (mailbox != null) {
                e.attach(this);
            }
            events.add(e);
        }
        return this;
    }

    public boolean remove(CalendarEvent e) {
        return events.remove(e);
    }

    /** Adds a sub-folder and lets the caller fill it. */
    public CalendarFolder folder(String childName, Consumer<CalendarFolder> content) {
        CalendarFolder child = new CalendarFolder(childName);
        child.parent = this;
        children.add(child);
        if (mailbox != null) {
            child.attach(mailbox, path + "/" + childName);
        }
        content.accept(child);
        return this;
    }

    void attach(Mailbox owner, String folderPath) {
        this.mailbox = owner;
        this.path = folderPath;
        for (CalendarEvent e : events) {
            e.attach(this);
        }
        for (CalendarFolder c : children) {
            c.attach(owner, folderPath + "/" + c.name);
        }
    }

    public String name() {
        return name;
    }

    public List<CalendarEvent> events() {
        return events;
    }

    public List<CalendarFolder> children() {
        return children;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    CalendarFolder parent() {
        return parent;
    }

    /** "calendar" for the primary calendar, "calendar/Projects/Archive" below it. */
    String path() {
        return path;
    }

    /** The EWS FolderId of this folder. */
    public String folderId() {
        return Ids.folderId(mailbox.smtp(), path);
    }

    CalendarFolder find(String folderPath) {
        if (path.equals(folderPath)) {
            return this;
        }
        for (CalendarFolder c : children) {
            CalendarFolder f = c.find(folderPath);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** This folder's descendants, depth first (what a Deep FindFolder returns). */
    List<CalendarFolder> descendants() {
        List<CalendarFolder> all = new ArrayList<>();
        for (CalendarFolder c : children) {
            all.add(c);
            all.addAll(c.descendants());
        }
        return all;
    }

    /** Items stored in the folder: singles and recurring masters (occurrences are not items). */
    int totalCount() {
        return events.size();
    }
}
