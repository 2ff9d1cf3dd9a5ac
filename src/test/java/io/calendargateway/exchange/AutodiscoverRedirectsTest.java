package io.calendargateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which redirects autodiscover follows. */
class AutodiscoverRedirectsTest {

    private final AutodiscoverRedirects redirects = new AutodiscoverRedirects("Contoso.com",
            List.of("outlook.com", " 10.0.0.5 "));

    @Test
    void shouldFollowHttpsWithinTheDomainAndTheAllowedHosts() {
        assertThat(redirects.refusal("https://contoso.com/autodiscover/autodiscover.xml")).isNull();
        assertThat(redirects.refusal("https://AUTODISCOVER.contoso.com:8443/autodiscover/autodiscover.xml")).isNull();
        assertThat(redirects.refusal("https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc")).isNull();
        assertThat(redirects.refusal("https://10.0.0.5/autodiscover/autodiscover.xml")).isNull();
    }

    @Test
    void shouldRefusePlainHttpOtherHostsAndLookAlikes() {
        assertThat(redirects.refusal("http://autodiscover.contoso.com/autodiscover/autodiscover.xml"))
                .isEqualTo("the redirect target http://autodiscover.contoso.com/autodiscover/autodiscover.xml "
                        + "is not https");
        assertThat(redirects.refusal("https://evil.example.net/autodiscover/autodiscover.xml"))
                .isEqualTo("the redirect target host evil.example.net is outside contoso.com and "
                        + "gateway.autodiscover.allowed-hosts");
        assertThat(redirects.refusal("https://evilcontoso.com/autodiscover/autodiscover.xml")).isNotNull();
        assertThat(redirects.refusal("https://contoso.com.evil.net/autodiscover/autodiscover.xml")).isNotNull();
        assertThat(redirects.refusal("https://user:pw@contoso.com/autodiscover/autodiscover.xml")).isNotNull();
        assertThat(redirects.refusal("ftp://contoso.com/x")).isNotNull();
        assertThat(redirects.refusal("not a url")).isNotNull();
    }

    @Test
    void shouldFollowRedirectAddressesOnlyIntoAllowedDomains() {
        assertThat(redirects.addressRefusal("ann@mail.contoso.com")).isNull();
        assertThat(redirects.addressRefusal("ann@contoso.mail.outlook.com")).isNull();
        assertThat(redirects.addressRefusal("ann@fabrikam.com"))
                .isEqualTo("the redirect address ann@fabrikam.com is outside contoso.com and "
                        + "gateway.autodiscover.allowed-hosts");
        assertThat(redirects.addressRefusal("no-address")).isNotNull();
    }
}
