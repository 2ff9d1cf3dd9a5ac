package io.calendargateway.exchange;

import io.calendargateway.diagnostics.DiagnosticStep;
import io.calendargateway.config.EwsConfig;
import io.calendargateway.diagnostics.AddOrganizerToSubject;
import io.calendargateway.diagnostics.Hints;
import io.calendargateway.oauth.ProfileTokens;
import io.calendargateway.profile.Access;
import io.calendargateway.profile.AuthType;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileService;
import jakarta.enterprise.context.ApplicationScoped;
import microsoft.exchange.webservices.data.core.ExchangeServerInfo;
import microsoft.exchange.webservices.data.core.service.folder.CalendarFolder;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.search.CalendarView;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The EWS links of a profile test, in the order a door-sign read needs them: TLS, sign-in, server version,
 * access to a sample mailbox (impersonation or delegate), and reading that mailbox's calendar for today. Blocking:
 * runs on a worker thread.
 */
@ApplicationScoped
public class EwsDiagnostics {

    private final EwsConnections connections;
    private final ProfileTokens proxies;
    private final EwsConfig config;

    public EwsDiagnostics(EwsConnections connections, ProfileTokens proxies, EwsConfig config) {
        this.connections = connections;
        this.proxies = proxies;
        this.config = config;
    }

    /**
     * @param appOnlyWithoutRoles the profile's client-credentials token has no roles: a 401 then means admin
     *        consent is missing, not a wrong password
     */
    public List<DiagnosticStep> run(Profile profile, ProfileService.Secrets secrets, String mailbox,
                                    boolean appOnlyWithoutRoles, ZoneId zone) {
        List<DiagnosticStep> steps = new ArrayList<>();
        if (profile.serviceUrl == null) {
            steps.add(DiagnosticStep.failed("tls", 0, "NO_SERVICE_URL", "the profile has no EWS service URL"));
            skipRest(steps, "tls", "authentication", "serverVersion", "mailboxAccess", "calendarRead");
            return steps;
        }
        URI url = URI.create(profile.serviceUrl);
        steps.add(tls(profile, url));
        if (failed(steps)) {
            skipRest(steps, "tls", "authentication", "serverVersion", "mailboxAccess", "calendarRead");
            return steps;
        }
        EwsConnectionPool pool = connections.pool(profile, secrets);
        ExchangeServerInfo[] server = new ExchangeServerInfo[1];
        boolean appOnly = profile.authType == AuthType.OAUTH2_CLIENT_CREDENTIALS;
        if (appOnly) {
            steps.add(DiagnosticStep.skipped("authentication",
                    "app-only tokens sign in together with the mailbox access step (EWS needs a mailbox to impersonate)"));
        } else {
            steps.add(timed("authentication", () -> pool.withService(null, service -> {
                service.getRoomLists();
                server[0] = service.getServerInfo();
                return "signed in as " + account(profile);
            }), appOnlyWithoutRoles));
            if (failed(steps)) {
                skipRest(steps, "authentication", "serverVersion", "mailboxAccess", "calendarRead");
                return steps;
            }
            steps.add(serverVersion(server[0]));
        }
        if (mailbox == null) {
            if (appOnly) {
                steps.add(DiagnosticStep.skipped("serverVersion", "needs a mailbox: add ?mailbox=<room address>"));
            }
            steps.add(DiagnosticStep.skipped("mailboxAccess", "add ?mailbox=<room address> to check access to a mailbox"));
            steps.add(DiagnosticStep.skipped("calendarRead", "add ?mailbox=<room address> to read a calendar"));
            return steps;
        }
        boolean impersonation = profile.access == Access.IMPERSONATION;
        steps.add(timed("mailboxAccess", () -> pool.withService(mailbox, service -> {
            CalendarFolder folder = CalendarFolder.bind(service, EwsConnectionPool.calendarOf(mailbox));
            server[0] = service.getServerInfo();
            return (impersonation ? "impersonated " : "delegate access to ") + mailbox + ": calendar '"
                    + folder.getDisplayName() + "' with " + DiagnosticStep.count(folder.getTotalCount(), "item");
        }), appOnlyWithoutRoles));
        if (failed(steps)) {
            skipRest(steps, "mailboxAccess", appOnly ? "serverVersion" : null, "calendarRead");
            return steps;
        }
        if (appOnly) {
            steps.add(serverVersion(server[0]));
        }
        steps.add(calendarRead(pool, mailbox, zone, appOnlyWithoutRoles));
        return steps;
    }

    private DiagnosticStep calendarRead(EwsConnectionPool pool, String mailbox, ZoneId zone, boolean noRoles) {
        LocalDate today = LocalDate.now(zone);
        long start = System.nanoTime();
        try {
            List<Appointment> items = pool.withService(mailbox, service -> service.findAppointments(
                    EwsConnectionPool.calendarOf(mailbox),
                    new CalendarView(Date.from(today.atStartOfDay(zone).toInstant()),
                            Date.from(today.plusDays(1).atStartOfDay(zone).toInstant()))).getItems());
            int withOrganizer = 0;
            int subjectIsOrganizer = 0;
            for (Appointment item : items) {
                String organizer = item.getOrganizer() == null ? null : item.getOrganizer().getName();
                if (organizer != null && !organizer.isBlank()) {
                    withOrganizer++;
                    if (Objects.equals(organizer.strip(), item.getSubject() == null ? null : item.getSubject().strip())) {
                        subjectIsOrganizer++;
                    }
                }
            }
            String detail = DiagnosticStep.count(items.size(), "item") + " on " + today + " (" + zone + ")";
            long ms = DiagnosticStep.millisSince(start);
            if (AddOrganizerToSubject.suspected(withOrganizer, subjectIsOrganizer)) {
                return DiagnosticStep.warning("calendarRead", ms, "ADD_ORGANIZER_TO_SUBJECT", detail + "; "
                        + subjectIsOrganizer + " of " + withOrganizer + " subjects are the organizer's name: the room "
                        + "mailbox probably has AddOrganizerToSubject on");
            }
            return DiagnosticStep.ok("calendarRead", ms, detail);
        } catch (EwsException e) {
            return failure("calendarRead", DiagnosticStep.millisSince(start), e.failure(), noRoles);
        } catch (Exception e) {
            return failure("calendarRead", DiagnosticStep.millisSince(start), EwsErrors.translate(e), noRoles);
        }
    }

    private DiagnosticStep tls(Profile profile, URI url) {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return DiagnosticStep.skipped("tls", "plain http: nothing is encrypted");
        }
        if (proxies.effectiveProxy(profile) != null) {
            return DiagnosticStep.skipped("tls", "through the outbound proxy: the sign-in step checks the certificate");
        }
        long start = System.nanoTime();
        int port = url.getPort() > 0 ? url.getPort() : 443;
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(url.getHost(), port), (int) config.connectTimeout().toMillis());
            var context = TlsTrust.sslContext(profile.caBundlePem, profile.insecureSkipVerify);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(raw, url.getHost(), port, false)) {
                socket.setSoTimeout((int) config.readTimeout().toMillis());
                if (!profile.insecureSkipVerify) {
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    socket.setSSLParameters(parameters);
                }
                socket.startHandshake();
                String subject = socket.getSession().getPeerPrincipal().getName();
                long ms = DiagnosticStep.millisSince(start);
                if (profile.insecureSkipVerify) {
                    return DiagnosticStep.warning("tls", ms, "INSECURE_TLS",
                            "certificate NOT verified (tls.insecureSkipVerify): " + subject);
                }
                return DiagnosticStep.ok("tls", ms, "certificate of " + subject + " trusted");
            }
        } catch (Exception e) {
            UpstreamFailure failure = EwsErrors.translate(e);
            return DiagnosticStep.failed("tls", DiagnosticStep.millisSince(start), failure.code(), failure.message());
        }
    }

    private static DiagnosticStep serverVersion(ExchangeServerInfo info) {
        if (info == null) {
            return DiagnosticStep.skipped("serverVersion", "the server sent no version");
        }
        return DiagnosticStep.ok("serverVersion", 0, "Exchange " + info.getMajorVersion() + "."
                + info.getMinorVersion() + "." + info.getMajorBuildNumber() + "." + info.getMinorBuildNumber()
                + (info.getVersionString() == null ? "" : " (" + info.getVersionString() + ")"));
    }

    private static DiagnosticStep timed(String name, Callable<String> action, boolean noRoles) {
        long start = System.nanoTime();
        try {
            String detail = action.call();
            return DiagnosticStep.ok(name, DiagnosticStep.millisSince(start), detail);
        } catch (EwsException e) {
            return failure(name, DiagnosticStep.millisSince(start), e.failure(), noRoles);
        } catch (Exception e) {
            return failure(name, DiagnosticStep.millisSince(start), EwsErrors.translate(e), noRoles);
        }
    }

    private static DiagnosticStep failure(String name, long ms, UpstreamFailure failure, boolean noRoles) {
        DiagnosticStep step = DiagnosticStep.failed(name, ms, failure.code(), failure.message());
        // the service's real answer to a token without roles is a bare 401: name the actual cause
        return noRoles && "HTTP_401".equals(failure.code()) ? step.withHint(Hints.NO_ROLES) : step;
    }

    private static String account(Profile profile) {
        return profile.domain == null ? profile.username : profile.domain + "\\" + profile.username;
    }

    private static boolean failed(List<DiagnosticStep> steps) {
        return steps.get(steps.size() - 1).status() == DiagnosticStep.Status.FAILED;
    }

    private static void skipRest(List<DiagnosticStep> steps, String failedStep, String... rest) {
        for (String name : rest) {
            if (name != null) {
                steps.add(DiagnosticStep.skipped(name, "skipped: " + failedStep + " failed"));
            }
        }
    }

}
