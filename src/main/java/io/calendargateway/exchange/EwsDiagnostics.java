package io.calendargateway.exchange;

import io.calendargateway.config.EwsConfig;
import io.calendargateway.diagnostics.ConnectionCheck;
import io.calendargateway.diagnostics.DiagnosticStep;
import io.calendargateway.diagnostics.Step;
import io.calendargateway.profile.Access;
import io.calendargateway.profile.AuthType;
import io.calendargateway.profile.Profile;
import io.calendargateway.profile.ProfileKind;
import io.calendargateway.profile.ProfileService;
import io.calendargateway.upstream.Hints;
import io.calendargateway.upstream.Outbound;
import io.calendargateway.upstream.TlsTrust;
import io.calendargateway.upstream.UpstreamException;
import io.calendargateway.upstream.UpstreamFailure;

import jakarta.enterprise.context.ApplicationScoped;
import microsoft.exchange.webservices.data.core.ExchangeServerInfo;
import microsoft.exchange.webservices.data.core.service.folder.CalendarFolder;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The EWS links of a profile test, in the order a door-sign read needs them: TLS, sign-in, server version,
 * access to a sample mailbox (impersonation or delegate); the calendar step is the read path's own. Blocking:
 * runs on a worker thread.
 */
@ApplicationScoped
public class EwsDiagnostics implements ConnectionCheck {

    private final EwsConnections connections;
    private final Outbound outbound;
    private final EwsConfig config;

    public EwsDiagnostics(EwsConnections connections, Outbound outbound, EwsConfig config) {
        this.connections = connections;
        this.outbound = outbound;
        this.config = config;
    }

    @Override
    public ProfileKind kind() {
        return ProfileKind.EWS;
    }

    /**
     * @param appOnlyWithoutRoles the profile's client-credentials token has no roles: a 401 then means admin
     *        consent is missing, not a wrong password
     */
    @Override
    public List<DiagnosticStep> run(Profile profile, ProfileService.Secrets secrets, String token, String mailbox,
                                    boolean appOnlyWithoutRoles, ZoneId zone) {
        List<DiagnosticStep> steps = new ArrayList<>();
        if (profile.serviceUrl == null) {
            steps.add(DiagnosticStep.failed(Step.TLS, 0, "NO_SERVICE_URL", "the profile has no EWS service URL"));
            skipRest(steps, Step.TLS, Step.AUTHENTICATION, Step.SERVER_VERSION, Step.MAILBOX_ACCESS, Step.CALENDAR_READ);
            return steps;
        }
        URI url = URI.create(profile.serviceUrl);
        steps.add(tls(profile, url));
        if (failed(steps)) {
            skipRest(steps, Step.TLS, Step.AUTHENTICATION, Step.SERVER_VERSION, Step.MAILBOX_ACCESS, Step.CALENDAR_READ);
            return steps;
        }
        EwsConnectionPool pool = connections.pool(profile, secrets);
        ExchangeServerInfo[] server = new ExchangeServerInfo[1];
        boolean appOnly = profile.authType == AuthType.OAUTH2_CLIENT_CREDENTIALS;
        if (appOnly) {
            steps.add(DiagnosticStep.skipped(Step.AUTHENTICATION,
                    "app-only tokens sign in together with the mailbox access step (EWS needs a mailbox to impersonate)"));
        } else {
            steps.add(timed(Step.AUTHENTICATION, () -> pool.withService(null, service -> {
                service.getRoomLists();
                server[0] = service.getServerInfo();
                return "signed in as " + account(profile);
            }), appOnlyWithoutRoles));
            if (failed(steps)) {
                skipRest(steps, Step.AUTHENTICATION, Step.SERVER_VERSION, Step.MAILBOX_ACCESS, Step.CALENDAR_READ);
                return steps;
            }
            steps.add(serverVersion(server[0]));
        }
        if (mailbox == null) {
            if (appOnly) {
                steps.add(DiagnosticStep.skipped(Step.SERVER_VERSION, "needs a mailbox: add ?mailbox=<room address>"));
            }
            steps.add(DiagnosticStep.skipped(Step.MAILBOX_ACCESS, "add ?mailbox=<room address> to check access to a mailbox"));
            steps.add(DiagnosticStep.skipped(Step.CALENDAR_READ, "add ?mailbox=<room address> to read a calendar"));
            return steps;
        }
        boolean impersonation = profile.access == Access.IMPERSONATION;
        steps.add(timed(Step.MAILBOX_ACCESS, () -> pool.withService(mailbox, service -> {
            CalendarFolder folder = CalendarFolder.bind(service, EwsConnectionPool.calendarOf(mailbox));
            server[0] = service.getServerInfo();
            return (impersonation ? "impersonated " : "delegate access to ") + mailbox + ": calendar '"
                    + folder.getDisplayName() + "' with " + DiagnosticStep.count(folder.getTotalCount(), "item");
        }), appOnlyWithoutRoles));
        if (failed(steps)) {
            skipRest(steps, Step.MAILBOX_ACCESS, appOnly ? Step.SERVER_VERSION : null, Step.CALENDAR_READ);
            return steps;
        }
        if (appOnly) {
            steps.add(serverVersion(server[0]));
        }
        // the calendar itself is read through the backend, like door signs read it (ProfileDiagnostics)
        return steps;
    }

    private DiagnosticStep tls(Profile profile, URI url) {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return DiagnosticStep.skipped(Step.TLS, "plain http: nothing is encrypted");
        }
        if (outbound.proxy(profile) != null) {
            return DiagnosticStep.skipped(Step.TLS, "through the outbound proxy: the sign-in step checks the certificate");
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
                    return DiagnosticStep.warning(Step.TLS, ms, "INSECURE_TLS",
                            "certificate NOT verified (tls.insecureSkipVerify): " + subject);
                }
                return DiagnosticStep.ok(Step.TLS, ms, "certificate of " + subject + " trusted");
            }
        } catch (Exception e) {
            UpstreamFailure failure = EwsErrors.translate(e);
            return DiagnosticStep.failed(Step.TLS, DiagnosticStep.millisSince(start), failure.code(), failure.message());
        }
    }

    private static DiagnosticStep serverVersion(ExchangeServerInfo info) {
        if (info == null) {
            return DiagnosticStep.skipped(Step.SERVER_VERSION, "the server sent no version");
        }
        return DiagnosticStep.ok(Step.SERVER_VERSION, 0, "Exchange " + info.getMajorVersion() + "."
                + info.getMinorVersion() + "." + info.getMajorBuildNumber() + "." + info.getMinorBuildNumber()
                + (info.getVersionString() == null ? "" : " (" + info.getVersionString() + ")"));
    }

    private static DiagnosticStep timed(Step name, Callable<String> action, boolean noRoles) {
        long start = System.nanoTime();
        try {
            String detail = action.call();
            return DiagnosticStep.ok(name, DiagnosticStep.millisSince(start), detail);
        } catch (UpstreamException e) {
            return failure(name, DiagnosticStep.millisSince(start), e.failure(), noRoles);
        } catch (Exception e) {
            return failure(name, DiagnosticStep.millisSince(start), EwsErrors.translate(e), noRoles);
        }
    }

    private static DiagnosticStep failure(Step name, long ms, UpstreamFailure failure, boolean noRoles) {
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

    private static void skipRest(List<DiagnosticStep> steps, Step failedStep, Step... rest) {
        for (Step name : rest) {
            if (name != null) {
                steps.add(DiagnosticStep.skipped(name, "skipped: " + failedStep + " failed"));
            }
        }
    }

}
