package io.calendargateway.error;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import io.calendargateway.support.OpenApi;
import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class OpenApiContractTest {

    // /q/openapi is the contract itself, not an operation of it: no validator on this request.
    @Test
    void servedDocumentShouldEqualTheContractFile() throws IOException {
        String served = given().accept("application/yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Object servedTree = new Yaml().load(served);
        Object fileTree = new Yaml().load(Files.readString(OpenApi.CONTRACT));
        assertThat(servedTree).isEqualTo(fileTree);
        assertThat(served).contains("openapi: 3.0.3");
    }

    @Test
    void validatorShouldRejectAWronglyTypedBody() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForSpecificationUrl(OpenApi.CONTRACT.toUri().toString()).build();
        var wrong = SimpleResponse.Builder.status(200)
                .withContentType("application/json")
                .withBody("{\"status\": 42, \"checks\": \"database\"}")
                .build();
        var report = validator.validateResponse("/health", Request.Method.GET, wrong);
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.getMessages()).extracting(m -> m.getKey()).contains("validation.response.body.schema.type");

        var right = SimpleResponse.Builder.status(200)
                .withContentType("application/json")
                .withBody("{\"status\": \"UP\", \"checks\": [{\"name\": \"database\", \"status\": \"UP\"}]}")
                .build();
        assertThat(validator.validateResponse("/health", Request.Method.GET, right).hasErrors()).isFalse();
    }
}
