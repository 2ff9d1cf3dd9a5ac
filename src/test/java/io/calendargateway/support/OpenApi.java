package io.calendargateway.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import java.nio.file.Path;

/**
 * REST Assured filters that check every request and response against the contract, {@code openapi.yaml} at the
 * repository root. Negative tests send requests that break the contract on purpose, so they check the response
 * only.
 */
public final class OpenApi {

    public static final Path CONTRACT = Path.of("openapi.yaml").toAbsolutePath();

    private static final OpenApiValidationFilter FULL = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT.toUri().toString()).build());

    private static final OpenApiValidationFilter RESPONSE_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT.toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private OpenApi() {
    }

    /** Validates the request and the response. */
    public static OpenApiValidationFilter validated() {
        return FULL;
    }

    /** Validates the response only: for requests that are wrong on purpose. */
    public static OpenApiValidationFilter responseValidated() {
        return RESPONSE_ONLY;
    }
}
