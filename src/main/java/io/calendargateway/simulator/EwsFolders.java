package io.calendargateway.simulator;

import io.calendargateway.simulator.EwsHandler.Context;
import io.calendargateway.simulator.EwsOperations.FolderRef;
import io.calendargateway.simulator.EwsOperations.Shape;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Folders of a mailbox as EWS shows them: the calendar tree (t:CalendarFolder, FolderClass IPF.Appointment)
 * under the message folder root, beside an Inbox and Contacts folder so folder browsers see realistic siblings.
 */
final class EwsFolders {

    private EwsFolders() {
    }

    static List<FolderRef> children(FolderRef parent, boolean deep) {
        List<FolderRef> result = new ArrayList<>();
        Mailbox m = parent.mailbox();
        if (parent.calendar() != null) {
            List<CalendarFolder> folders = deep ? parent.calendar().descendants() : parent.calendar().children();
            folders.forEach(f -> result.add(new FolderRef(m, f, null)));
            return result;
        }
        switch (parent.special()) {
            case "root" -> {
                result.add(new FolderRef(m, null, "msgfolderroot"));
                if (deep) {
                    result.addAll(children(new FolderRef(m, null, "msgfolderroot"), true));
                }
            }
            case "msgfolderroot" -> {
                result.add(new FolderRef(m, m.calendar(), null));
                if (deep) {
                    m.calendar().descendants().forEach(f -> result.add(new FolderRef(m, f, null)));
                }
                result.add(new FolderRef(m, null, "contacts"));
                result.add(new FolderRef(m, null, "inbox"));
            }
            default -> {
            }
        }
        return result;
    }

    static String folderClass(FolderRef f) {
        if (f.calendar() != null) {
            return "IPF.Appointment";
        }
        return switch (f.special()) {
            case "contacts" -> "IPF.Contact";
            case "inbox", "msgfolderroot" -> "IPF.Note";
            default -> null;
        };
    }

    static void write(Xml.Writer w, Context ctx, FolderRef f, Shape shape) {
        String element = f.calendar() != null ? "t:CalendarFolder"
                : "contacts".equals(f.special()) ? "t:ContactsFolder" : "t:Folder";
        Mailbox m = f.mailbox();
        String id = Ids.folderId(m.smtp(), f.path());
        w.open(element);
        w.empty("t:FolderId", "Id", id, "ChangeKey", Ids.folderChangeKey(id));
        if (shape.wants("folder:ParentFolderId", false)) {
            String parentPath = parentPath(f);
            if (parentPath != null) {
                String pid = Ids.folderId(m.smtp(), parentPath);
                w.empty("t:ParentFolderId", "Id", pid, "ChangeKey", "AQAAAA==");
            }
        }
        String folderClass = folderClass(f);
        if (folderClass != null && shape.wants("folder:FolderClass", false)) {
            w.leaf("t:FolderClass", folderClass);
        }
        if (shape.wants("folder:DisplayName", true)) {
            w.leaf("t:DisplayName", displayName(f));
        }
        if (shape.wants("folder:TotalCount", true)) {
            w.leaf("t:TotalCount", String.valueOf(f.calendar() != null ? f.calendar().totalCount() : 0));
        }
        if (shape.wants("folder:ChildFolderCount", true)) {
            w.leaf("t:ChildFolderCount", String.valueOf(children(f, false).size()));
        }
        for (Element ext : shape.extended()) {
            String tag = Xml.attr(ext, "PropertyTag");
            if (tag != null && (tag.equalsIgnoreCase("0x10f4") || tag.equals("4340"))) {
                w.open("t:ExtendedProperty").empty("t:ExtendedFieldURI", "PropertyTag", "0x10f4", "PropertyType",
                        "Boolean").leaf("t:Value", "false").close("t:ExtendedProperty");
            }
        }
        if ("AllProperties".equals(shape.base()) || shape.fields().contains("folder:EffectiveRights")) {
            w.open("t:EffectiveRights").leaf("t:CreateAssociated", "false").leaf("t:CreateContents", "false")
                    .leaf("t:CreateHierarchy", "false").leaf("t:Delete", "false").leaf("t:Modify", "false")
                    .leaf("t:Read", "true");
            if (ctx.modern()) {
                w.leaf("t:ViewPrivateItems", "true");
            }
            w.close("t:EffectiveRights");
        }
        if (!"t:CalendarFolder".equals(element) && !"t:ContactsFolder".equals(element)
                && shape.wants("folder:UnreadCount", true)) {
            w.leaf("t:UnreadCount", "0");
        }
        w.close(element);
    }

    private static String displayName(FolderRef f) {
        if (f.calendar() != null) {
            return f.calendar().name();
        }
        return switch (f.special()) {
            case "msgfolderroot" -> "Top of Information Store";
            case "contacts" -> "Contacts";
            case "inbox" -> "Inbox";
            default -> "";
        };
    }

    private static String parentPath(FolderRef f) {
        if (f.calendar() != null) {
            CalendarFolder parent = f.calendar().parent();
            return parent != null ? parent.path() : "msgfolderroot";
        }
        return switch (f.special()) {
            case "root" -> null;
            case "msgfolderroot" -> "root";
            default -> "msgfolderroot";
        };
    }
}
