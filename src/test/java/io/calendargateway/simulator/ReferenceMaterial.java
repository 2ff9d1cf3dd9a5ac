package io.calendargateway.simulator;

import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared reference material beside the repository ({@code ../shared/reference}, or
 * {@code -Dgateway.test.reference-dir=...}): the published EWS schema ({@code ews-schema}) and captured traffic of
 * real servers ({@code ews-samples}). Checks that need it skip without it, and say so in the build output where
 * nobody misses it, not only in the surefire report.
 */
final class ReferenceMaterial {

    static final Path ROOT = Path.of(System.getProperty("gateway.test.reference-dir", "../shared/reference"));
    static final Path EWS_SCHEMA = ROOT.resolve("ews-schema");
    static final Path EWS_SAMPLES = ROOT.resolve("ews-samples");

    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private ReferenceMaterial() {
    }

    /** Skips the calling test, loudly, when {@code file} is absent. */
    static void assumePresent(Path file, String check) {
        if (!Files.isRegularFile(file)) {
            abort(announceAbsent(file, check));
        }
    }

    /** Prints, once per check, that it is skipped for lack of {@code path}; returns the line. */
    static String announceAbsent(Path path, String check) {
        String line = "SKIPPED " + check + ": " + path.toAbsolutePath().normalize() + " is absent. Put the shared "
                + "reference material (ews-schema and ews-samples) at " + ROOT + " beside the repository.";
        if (ANNOUNCED.add(check)) {
            String bar = "*".repeat(Math.min(line.length(), 116));
            System.out.println(bar + System.lineSeparator() + line + System.lineSeparator() + bar);
        }
        return line;
    }
}
