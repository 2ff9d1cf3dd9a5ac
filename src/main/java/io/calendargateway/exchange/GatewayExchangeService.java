package io.calendargateway.exchange;

import java.util.Objects;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;

/**
 * An {@link ExchangeService} as built by {@link EwsServiceFactory}: requests {@code Exchange2010_SP2} (the newest
 * schema the library knows), refuses tracing (it would log the Authorization header), and knows how to aim itself
 * at one mailbox per call.
 * <p>
 * Not thread-safe, like its base class: one caller at a time, see {@link EwsConnectionPool}.
 */
public abstract class GatewayExchangeService extends ExchangeService {

    static final String ANCHOR_MAILBOX = "X-AnchorMailbox";
    static final String AUTHORIZATION = "Authorization";

    private String anchor;
    private volatile boolean closed;

    /**
     * Subclasses must override {@code createConnectionSocketFactoryRegistry()}: the base constructor calls it, so
     * what it returns has to come from a variable captured by an anonymous subclass, not from a field.
     */
    protected GatewayExchangeService() {
        super(ExchangeVersion.Exchange2010_SP2);
    }

    /**
     * Aims the next requests at a mailbox.
     *
     * @param mailbox SMTP address, or null for requests that concern no particular mailbox
     * @param impersonate true: {@code ExchangeImpersonation} header and {@code X-AnchorMailbox}; false: delegate
     *        access, nothing is added and the caller names the mailbox in its folder ids
     */
    public void target(String mailbox, boolean impersonate) {
        boolean anchored = impersonate && mailbox != null;
        String newAnchor = anchored ? mailbox : null;
        if (!Objects.equals(anchor, newAnchor)) {
            // Exchange Online pins a backend through cookies; they belong to the previous anchor mailbox
            httpContext.getCookieStore().clear();
            anchor = newAnchor;
        }
        if (anchored) {
            setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox));
            getHttpHeaders().put(ANCHOR_MAILBOX, mailbox);
        } else {
            setImpersonatedUserId(null);
            getHttpHeaders().remove(ANCHOR_MAILBOX);
        }
    }

    /** Sets the OAuth access token sent with the following requests. */
    public void bearerToken(String accessToken) {
        getHttpHeaders().put(AUTHORIZATION, "Bearer " + accessToken);
    }

    @Override
    public void setTraceEnabled(boolean traceEnabled) {
        if (traceEnabled) {
            throw new UnsupportedOperationException("EWS tracing is disabled: it would log credentials");
        }
        super.setTraceEnabled(false);
    }

    @Override
    public void close() {
        closed = true;
        super.close();
    }

    public boolean isClosed() {
        return closed;
    }
}
