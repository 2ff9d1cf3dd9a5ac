package io.calendargateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.calendargateway.error.ProblemException;
import io.calendargateway.exchange.AutodiscoverResult.Attempt;
import io.calendargateway.exchange.AutodiscoverResult.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The standard order's URLs, host maps, and the failure problem. */
class AutodiscoverOrderTest {

    @Test
    void shouldAskTheDomainThenAutodiscoverSubdomainPoxBeforeSoap() {
        assertThat(Autodiscover.candidates("contoso.com", Map.of())).containsExactly(
                new Autodiscover.Candidate(Method.POX, "https://contoso.com/autodiscover/autodiscover.xml"),
                new Autodiscover.Candidate(Method.SOAP, "https://contoso.com/autodiscover/autodiscover.svc"),
                new Autodiscover.Candidate(Method.POX, "https://autodiscover.contoso.com/autodiscover/autodiscover.xml"),
                new Autodiscover.Candidate(Method.SOAP, "https://autodiscover.contoso.com/autodiscover/autodiscover.svc"));
        assertThat(Autodiscover.probeUrl("contoso.com", Map.of()))
                .isEqualTo("http://autodiscover.contoso.com/autodiscover/autodiscover.xml");
    }

    @Test
    void shouldReplaceHostsByTheDomainKeyUnlessTheHostHasItsOwn() {
        Map<String, String> map = Map.of("contoso.com", "10.0.0.5:8443", "autodiscover.contoso.com", "ad:9443");
        assertThat(Autodiscover.candidates("contoso.com", map)).extracting(Autodiscover.Candidate::url).containsExactly(
                "https://10.0.0.5:8443/autodiscover/autodiscover.xml",
                "https://10.0.0.5:8443/autodiscover/autodiscover.svc",
                "https://ad:9443/autodiscover/autodiscover.xml",
                "https://ad:9443/autodiscover/autodiscover.svc");
        assertThat(Autodiscover.candidates("contoso.com", Map.of("contoso.com", "10.0.0.5")))
                .extracting(Autodiscover.Candidate::url).containsOnly(
                        "https://10.0.0.5/autodiscover/autodiscover.xml", "https://10.0.0.5/autodiscover/autodiscover.svc");
        assertThat(Autodiscover.probeUrl("contoso.com", Map.of("contoso.com", "127.0.0.1:8080")))
                .isEqualTo("http://127.0.0.1:8080/autodiscover/autodiscover.xml");
    }

    @Test
    void shouldEncodeTheAddressForV2() {
        assertThat(Autodiscover.v2Url("https://autodiscover-s.outlook.com/autodiscover/autodiscover.json",
                "a+b@contoso.com")).isEqualTo("https://autodiscover-s.outlook.com/autodiscover/autodiscover.json"
                        + "?Email=a%2Bb%40contoso.com&Protocol=EWS");
        assertThat(Autodiscover.v2Url("https://x/autodiscover.json?tenant=1", "a@b.com"))
                .isEqualTo("https://x/autodiscover.json?tenant=1&Email=a%40b.com&Protocol=EWS");
    }

    @Test
    void shouldTakeOnlyUsableDomains() {
        assertThat(Autodiscover.domainOf("Room1@Contoso.COM")).isEqualTo("contoso.com");
        assertThat(Autodiscover.domainOf("room1@")).isNull();
        assertThat(Autodiscover.domainOf("room1@[10.0.0.1]")).isNull();
        assertThat(Autodiscover.domainOf("room1@contoso.com/evil")).isNull();
    }

    @Test
    void shouldSummarizeEveryAttemptAndHintAtTheLikeliestCause() {
        List<Attempt> attempts = List.of(
                new Attempt("https://contoso.com/autodiscover/autodiscover.xml", "REDIRECT_ADDRESS", 3,
                        "from a@contoso.com to b@contoso.com"),
                new Attempt("https://contoso.com/autodiscover/autodiscover.xml", "LOOP", 2,
                        "redirect from b@contoso.com back to a@contoso.com, already searched"));
        ProblemException problem = Autodiscover.failure("a@contoso.com", "contoso.com", attempts, true);
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.code()).isEqualTo("AUTODISCOVER_FAILED");
        assertThat(problem.getMessage()).isEqualTo("Autodiscover found no EWS URL for a@contoso.com after 2 "
                + "attempt(s): https://contoso.com/autodiscover/autodiscover.xml REDIRECT_ADDRESS; "
                + "https://contoso.com/autodiscover/autodiscover.xml LOOP (redirect from b@contoso.com back to "
                + "a@contoso.com, already searched)");
        assertThat(problem.hint()).startsWith("The autodiscover answers redirect in a circle");

        List<Attempt> unauthorized = List.of(new Attempt("https://contoso.com/autodiscover/autodiscover.xml",
                "HTTP_401", 5, null), new Attempt("http://autodiscover.contoso.com/autodiscover/autodiscover.xml",
                "UNREACHABLE", 1, "connection refused"));
        assertThat(Autodiscover.hint("contoso.com", unauthorized, false))
                .isEqualTo("Autodiscover needs credentials: send auth (BASIC or NTLM) or a profileId");
        assertThat(Autodiscover.hint("contoso.com", unauthorized, true)).startsWith("Check user name, password");
        assertThat(Autodiscover.hint("contoso.com", List.of(new Attempt("u", "TIMEOUT", 1000, null)), true))
                .isEqualTo("No autodiscover endpoint answered: check that contoso.com and autodiscover.contoso.com "
                        + "resolve and are reachable from the gateway, or give serviceUrl directly");
    }
}
