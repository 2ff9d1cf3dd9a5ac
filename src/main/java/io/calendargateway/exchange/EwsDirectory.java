package io.calendargateway.exchange;

import io.calendargateway.config.DirectoryConfig;
import io.calendargateway.config.EwsConfig;
import io.calendargateway.error.Problem.FieldError;
import io.calendargateway.error.ProblemException;
import io.calendargateway.profile.AuthType;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.upstream.FolderNode;
import io.calendargateway.upstream.NameSearch;
import io.calendargateway.upstream.ProfileGuards;
import io.calendargateway.upstream.Recipient;
import io.calendargateway.upstream.RoomList;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;
import jakarta.enterprise.context.ApplicationScoped;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.MailboxType;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.enumeration.search.ResolveNameSearchLocation;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.misc.NameResolution;
import microsoft.exchange.webservices.data.misc.NameResolutionCollection;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FolderView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory over EWS: room lists (GetRoomLists, then GetRooms for each), name search (ResolveNames against the
 * directory only: the service account may have no mailbox of its own) and a mailbox's calendar folder tree
 * (GetFolder of the primary calendar, then a Deep FindFolder paged until complete, rebuilt from
 * {@code ParentFolderId}). Every call goes through the profile's {@link ProfileGuards}.
 */
@ApplicationScoped
public class EwsDirectory {

    /** Calendar folders; sub-folders of other classes (rare below a calendar) are left out with their subtrees. */
    static final String CALENDAR_CLASS = "IPF.Appointment";
    private static final PropertySet FOLDER_PROPERTIES = new PropertySet(BasePropertySet.IdOnly,
            FolderSchema.DisplayName, FolderSchema.TotalCount, FolderSchema.ChildFolderCount,
            FolderSchema.ParentFolderId, FolderSchema.FolderClass);

    private final EwsConnections connections;
    private final ProfileService profiles;
    private final ProfileGuards guards;
    private final Duration defaultBackOff;
    private final int pageSize;

    public EwsDirectory(EwsConnections connections, ProfileService profiles, ProfileGuards guards, EwsConfig ews,
                        DirectoryConfig directory) {
        this.connections = connections;
        this.profiles = profiles;
        this.guards = guards;
        this.defaultBackOff = ews.defaultBackOff();
        this.pageSize = directory.folderPageSize();
    }

    public List<RoomList> roomLists(Profile profile) {
        String anchor = anchorOf(profile);
        return guards.call(profile, "GetRooms", defaultBackOff, () -> pool(profile).withService(anchor, service -> {
            List<RoomList> lists = new ArrayList<>();
            for (EmailAddress list : service.getRoomLists()) {
                String listMail = EwsAppointments.smtpOrNull(list);
                if (listMail == null) {
                    continue;
                }
                Map<String, RoomList.Room> rooms = new LinkedHashMap<>();
                for (EmailAddress room : service.getRooms(list)) {
                    String mail = EwsAppointments.smtpOrNull(room);
                    if (mail != null) {
                        rooms.putIfAbsent(mail, new RoomList.Room(mail, nameOr(room.getName(), mail)));
                    }
                }
                lists.add(new RoomList(listMail, nameOr(list.getName(), listMail), List.copyOf(rooms.values())));
            }
            return List.copyOf(lists);
        }));
    }

    public NameSearch searchDirectory(Profile profile, String search) {
        String anchor = anchorOf(profile);
        return guards.call(profile, "ResolveNames", defaultBackOff, () -> pool(profile).withService(anchor,
                service -> {
                    NameResolutionCollection resolved = service.resolveName(search,
                            ResolveNameSearchLocation.DirectoryOnly, false);
                    List<Recipient> found = new ArrayList<>();
                    for (NameResolution resolution : resolved) {
                        EmailAddress mailbox = resolution.getMailbox();
                        String mail = EwsAppointments.smtpOrNull(mailbox);
                        if (mail != null) {
                            found.add(new Recipient(mail, nameOr(mailbox.getName(), mail),
                                    type(mailbox.getMailboxType())));
                        }
                    }
                    // no match at all comes without a resolution set, and so without IncludesLastItemInRange
                    return new NameSearch(found, resolved.getCount() == 0 || resolved.getIncludesAllResolutions());
                }));
    }

    public FolderNode calendarFolders(Profile profile, String mailbox) {
        try {
            return guards.call(profile, "FindFolder", defaultBackOff,
                    () -> pool(profile).withService(mailbox, service -> tree(service, mailbox)));
        } catch (UpstreamException e) {
            throw aboutMailbox(mailbox, e);
        }
    }

    private FolderNode tree(ExchangeService service, String mailbox) throws Exception {
        Folder root = Folder.bind(service, EwsConnectionPool.calendarOf(mailbox), FOLDER_PROPERTIES);
        List<Folder> below = new ArrayList<>();
        int offset = 0;
        while (true) {
            FolderView view = new FolderView(pageSize, offset);
            view.setTraversal(FolderTraversal.Deep);
            view.setPropertySet(FOLDER_PROPERTIES);
            FindFoldersResults page = service.findFolders(root.getId(),
                    new SearchFilter.IsEqualTo(FolderSchema.FolderClass, CALENDAR_CLASS), view);
            below.addAll(page.getFolders());
            if (!page.isMoreAvailable() || page.getFolders().isEmpty()) {
                break;
            }
            offset = page.getNextPageOffset() != null ? page.getNextPageOffset() : offset + page.getFolders().size();
        }
        Map<String, List<Folder>> byParent = new LinkedHashMap<>();
        for (Folder folder : below) {
            byParent.computeIfAbsent(folder.getParentFolderId().getUniqueId(), id -> new ArrayList<>()).add(folder);
        }
        return node(root, byParent);
    }

    private static FolderNode node(Folder folder, Map<String, List<Folder>> byParent) throws Exception {
        List<FolderNode> children = new ArrayList<>();
        for (Folder child : byParent.getOrDefault(folder.getId().getUniqueId(), List.of())) {
            children.add(node(child, byParent));
        }
        return new FolderNode(folder.getId().getUniqueId(), folder.getDisplayName(), folder.getTotalCount(),
                folder.getChildFolderCount(), children);
    }

    /**
     * The mailbox calls about no particular mailbox impersonate: app-only profiles must impersonate someone on
     * every call, their {@code autodiscoverEmail}; other profiles call as themselves (null).
     *
     * @throws ProblemException 400 naming {@code autodiscoverEmail} when an app-only profile has none
     */
    static String anchorOf(Profile profile) {
        String anchor = EwsCalendar.anchorOf(profile);
        if (profile.authType == AuthType.OAUTH2_CLIENT_CREDENTIALS && (anchor == null || anchor.isBlank())) {
            throw ProblemException.invalid(List.of(new FieldError("autodiscoverEmail", "an app-only EWS profile "
                    + "impersonates this mailbox for calls about no particular mailbox (room lists, name search): "
                    + "set it on profile '" + profile.name + "'")));
        }
        return anchor;
    }

    /** The failure of a call about one mailbox, its message naming that mailbox. */
    static UpstreamException aboutMailbox(String mailbox, UpstreamException e) {
        UpstreamFailure f = e.failure();
        if (f.kind() != UpstreamFailure.Kind.EXCHANGE_ERROR) {
            return e;
        }
        String message = switch (f.code()) {
            case "ErrorImpersonateUserDenied", "ErrorImpersonationFailed" -> "The service account may not "
                    + "impersonate " + mailbox + " (no ApplicationImpersonation role whose scope includes it)";
            case "ErrorAccessDenied" -> "The service account has no delegate access to " + mailbox
                    + " (FullAccess or folder rights)";
            case "ErrorNonExistentMailbox", "ErrorInvalidSmtpAddress" -> "Exchange knows no mailbox " + mailbox;
            default -> mailbox + ": " + f.message();
        };
        return new UpstreamException(new UpstreamFailure(f.kind(), f.code(), message, f.backOffMillis()), e);
    }

    private EwsConnectionPool pool(Profile profile) {
        return connections.pool(profile, profiles.decryptedSecrets(profile));
    }

    private static Recipient.Type type(MailboxType type) {
        if (type == null) {
            return Recipient.Type.OTHER;
        }
        return switch (type) {
            case Mailbox -> Recipient.Type.MAILBOX;
            case PublicGroup, ContactGroup -> Recipient.Type.GROUP;
            case Contact -> Recipient.Type.CONTACT;
            default -> Recipient.Type.OTHER;
        };
    }

    private static String nameOr(String name, String mail) {
        return name == null || name.isBlank() ? mail : name.strip();
    }
}
