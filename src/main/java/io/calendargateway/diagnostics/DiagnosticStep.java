package io.calendargateway.diagnostics;

import io.calendargateway.upstream.Hints;
import io.calendargateway.upstream.UpstreamFailure;

/**
 * One link of the connection chain as {@code POST /profiles/{id}/test} checked it.
 *
 * @param code the Exchange or Entra ID code of a failure or warning ({@code ErrorImpersonateUserDenied},
 *        {@code AADSTS7000215}, {@code HTTP_401}, ...)
 * @param hint what to do about it (PRODUCT.md §6)
 */
public record DiagnosticStep(Step name, Status status, long durationMs, String code, String detail, String hint) {

    public enum Status {
        OK, FAILED, SKIPPED, WARNING
    }

    public static DiagnosticStep ok(Step name, long durationMs, String detail) {
        return new DiagnosticStep(name, Status.OK, durationMs, null, detail, null);
    }

    public static DiagnosticStep skipped(Step name, String detail) {
        return new DiagnosticStep(name, Status.SKIPPED, 0, null, detail, null);
    }

    public static DiagnosticStep failed(Step name, long durationMs, String code, String detail) {
        return new DiagnosticStep(name, Status.FAILED, durationMs, code, detail, Hints.forCode(code));
    }

    /** A failed step for an upstream failure, with the failure's code, message and hint. */
    public static DiagnosticStep failed(Step name, long durationMs, UpstreamFailure failure) {
        return new DiagnosticStep(name, Status.FAILED, durationMs, failure.code(), failure.message(), failure.hint());
    }

    public static DiagnosticStep warning(Step name, long durationMs, String code, String detail) {
        return new DiagnosticStep(name, Status.WARNING, durationMs, code, detail, Hints.forCode(code));
    }

    /** Milliseconds since {@code startNanos} (a {@link System#nanoTime()} reading), for {@code durationMs}. */
    public static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A count with its noun for a detail: "1 item", "3 items". */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public DiagnosticStep withHint(String otherHint) {
        return new DiagnosticStep(name, status, durationMs, code, detail, otherHint);
    }
}
