package io.calendargateway.ops;

import io.calendargateway.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The page at / (outside the contract: it is HTML, for people) links what a newcomer looks at first. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LandingPageTest {

    @Test
    void shouldLinkHealthContractAndSwaggerUiWithoutAToken() {
        String page = given().when().get("/")
                .then().statusCode(200)
                .contentType("text/html")
                .extract().asString();

        assertThat(new XmlPath(XmlPath.CompatibilityMode.HTML, page).getList("**.findAll { it.name() == 'a' }.@href"))
                .containsExactly("/health", "/q/openapi", "/q/swagger-ui", "/console");
        assertThat(page).contains("profiles/&lt;id&gt;/test?mailbox=room1@contoso.com");
    }

    @Test
    void linkedPagesShouldAnswer() {
        given().when().get("/health").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/console").then().statusCode(200);
    }
}
