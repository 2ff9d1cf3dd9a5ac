package io.calendargateway.simulator;

import java.net.URI;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;

/** ews-java-api clients for the simulator, as the gateway builds them (Exchange2010_SP2). */
final class EwsClients {

    private EwsClients() {
    }

    static ExchangeService ntlm(String url, String domain, String user, String password) {
        ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        service.setCredentials(new WebCredentials(user, password, domain));
        service.setUrl(URI.create(url));
        service.setTimeout(10_000);
        return service;
    }

    static ExchangeService impersonating(String url, String domain, String user, String password, String mailbox) {
        ExchangeService service = ntlm(url, domain, user, password);
        service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox));
        return service;
    }

    static ExchangeService bearer(String url, String token, String impersonate) {
        ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        service.getHttpHeaders().put("Authorization", "Bearer " + token);
        service.setUseDefaultCredentials(true);
        if (impersonate != null) {
            service.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, impersonate));
            service.getHttpHeaders().put("X-AnchorMailbox", impersonate);
        }
        service.setUrl(URI.create(url));
        service.setTimeout(10_000);
        return service;
    }

    /** The ServiceResponseException in a cause chain (faults arrive wrapped in ServiceRequestException). */
    static ServiceResponseException responseException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ServiceResponseException s) {
                return s;
            }
        }
        throw new AssertionError("no ServiceResponseException in " + t, t);
    }
}
