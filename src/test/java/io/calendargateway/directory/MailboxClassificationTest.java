package io.calendargateway.directory;

import io.calendargateway.upstream.NameSearch;
import io.calendargateway.upstream.Recipient;
import io.calendargateway.upstream.RoomDirectory;
import io.calendargateway.upstream.RoomList;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How search hits become ROOM/USER/EQUIPMENT/OTHER, and when an answer is truncated or warned about. */
class MailboxClassificationTest {

    private static final List<RoomList> LISTS = List.of(new RoomList("rooms@x.com", "Rooms",
            List.of(new RoomList.Room("r1@x.com", "R1"))));
    private static final List<Recipient> FOUND = List.of(
            new Recipient("r1@x.com", "R1", Recipient.Type.MAILBOX),
            new Recipient("ann@x.com", "Ann", Recipient.Type.MAILBOX),
            new Recipient("rooms@x.com", "Rooms", Recipient.Type.GROUP),
            new Recipient("bob@y.com", "Bob", Recipient.Type.CONTACT),
            new Recipient("beamer@x.com", "Beamer", Recipient.Type.EQUIPMENT),
            new Recipient("r2@x.com", "R2", Recipient.Type.ROOM));

    @Test
    void shouldCallAMailboxARoomOnlyWhenARoomListNamesIt() {
        MailboxSearch answer = Directory.answer(RoomDirectory.ofLists(LISTS), new NameSearch(FOUND, true), 50);
        assertThat(answer.items()).extracting(MailboxView::type).containsExactly(MailboxType.ROOM, MailboxType.USER,
                MailboxType.OTHER, MailboxType.OTHER, MailboxType.EQUIPMENT, MailboxType.ROOM);
        assertThat(answer.truncated()).isFalse();
        assertThat(answer.warnings()).isEmpty();
    }

    @Test
    void shouldTruncateAtTheLimitAndWhereTheBackendStopped() {
        MailboxSearch limited = Directory.answer(RoomDirectory.ofLists(LISTS), new NameSearch(FOUND, true), 2);
        assertThat(limited.items()).extracting(MailboxView::mail).containsExactly("r1@x.com", "ann@x.com");
        assertThat(limited.truncated()).isTrue();
        assertThat(Directory.answer(RoomDirectory.ofLists(LISTS), new NameSearch(FOUND, true), 6).truncated()).isFalse();
        assertThat(Directory.answer(RoomDirectory.ofLists(LISTS), new NameSearch(FOUND, false), 50).truncated()).isTrue();
    }

    @Test
    void shouldWarnWithoutRoomListsAndCallEveryMailboxAUser() {
        MailboxSearch answer = Directory.answer(RoomDirectory.ofLists(List.of()), new NameSearch(FOUND.subList(0, 2), true), 50);
        assertThat(answer.items()).extracting(MailboxView::type).containsExactly(MailboxType.USER, MailboxType.USER);
        assertThat(answer.warnings()).extracting(MailboxSearch.Warning::code).containsExactly("NO_ROOM_LISTS");
        assertThat(answer.warnings().get(0).hint()).contains("New-DistributionGroup -Name <name> -RoomList")
                .contains("Add-DistributionGroupMember");
    }
}
