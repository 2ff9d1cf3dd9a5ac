package io.calendargateway.diagnostics;

import io.calendargateway.profile.ProfileWarning;

import java.util.List;
import java.util.UUID;

/** The outcome of a profile test: {@code ok} when no step failed; warnings still deserve attention. */
public record DiagnosticReport(boolean ok, UUID profileId, String mailbox, List<DiagnosticStep> steps,
                               List<ProfileWarning> warnings) {

    public static DiagnosticReport of(UUID profileId, String mailbox, List<DiagnosticStep> steps,
                                      List<ProfileWarning> warnings) {
        boolean ok = steps.stream().noneMatch(step -> step.status() == DiagnosticStep.Status.FAILED);
        return new DiagnosticReport(ok, profileId, mailbox, List.copyOf(steps), List.copyOf(warnings));
    }
}
