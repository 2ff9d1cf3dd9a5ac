package io.calendargateway.exchange;

import microsoft.exchange.webservices.data.search.CalendarView;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The CalendarView the gateway sends for a room's window, sent straight to EWS with ews-java-api and nothing of
 * the gateway around it: the same client class and settings ({@link EwsServiceFactory}, Exchange2010_SP2, NTLM,
 * impersonation with {@code X-AnchorMailbox}), the same property set and entry cap, one kept-alive connection.
 * The benchmark subtracts its time from the gateway's to get the gateway's own share of a cold fetch.
 * Not thread-safe (one {@code ExchangeService}).
 */
public final class DirectCalendarView implements AutoCloseable {

    private final GatewayExchangeService service;

    public DirectCalendarView(String ewsUrl, String domain, String user, String password) {
        this.service = new EwsServiceFactory().create(EwsEndpoint.builder(URI.create(ewsUrl))
                .ntlm(user, password, domain).impersonation(true)
                .readTimeout(Duration.ofSeconds(30)).build());
    }

    /** Reads the mailbox's primary calendar in {@code [from, to)}; returns how many items came back. */
    public int read(String mailbox, Instant from, Instant to) throws Exception {
        service.target(mailbox, true);
        CalendarView view = new CalendarView(Date.from(from), Date.from(to), EwsCalendar.MAX_ENTRIES);
        view.setPropertySet(EwsCalendar.ITEM_PROPERTIES);
        return service.findAppointments(EwsConnectionPool.calendarOf(mailbox), view).getItems().size();
    }

    @Override
    public void close() {
        service.close();
    }
}
