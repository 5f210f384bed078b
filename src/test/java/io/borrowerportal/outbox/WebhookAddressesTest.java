package io.borrowerportal.outbox;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a webhook may go: http(s) only, and never the portal's own network unless allowed (decision 029). */
class WebhookAddressesTest {

    @Test
    void only_http_and_https_urls_with_a_host_and_no_credentials_are_accepted() {
        assertThat(WebhookAddresses.parse(" https://servicer.example.com/hooks/portal ").toString())
                .isEqualTo("https://servicer.example.com/hooks/portal");
        for (String bad : new String[] {"ftp://servicer.example.com/x", "file:///etc/passwd", "javascript:alert(1)",
                "https://user:pw@servicer.example.com/x", "https:///nohost", "servicer.example.com/x", "",
                "https://servicer.example.com/x#frag", "https://e.com/" + "a".repeat(2001)}) {
            assertThatThrownBy(() -> WebhookAddresses.parse(bad)).as(bad).isInstanceOf(WebhookRefusedException.class);
        }
    }

    @Test
    void loopback_link_local_and_private_hosts_are_refused_unless_allowed() {
        for (String host : new String[] {"http://127.0.0.1:8080/", "http://localhost/", "http://169.254.169.254/latest",
                "http://10.0.0.5/", "http://192.168.1.1/", "http://[::1]/", "http://0.0.0.0/"}) {
            assertThat(WebhookAddresses.refusedHost(URI.create(host), false)).as(host).isPresent();
            assertThat(WebhookAddresses.refusedHost(URI.create(host), true)).as(host).isEmpty();
        }
        assertThat(WebhookAddresses.refusedHost(URI.create("http://93.184.215.14/"), false)).isEmpty();
    }

    @Test
    void the_signature_is_hmac_sha256_over_timestamp_dot_body_in_hex() {
        // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign("whsec_test", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("v1=" + HMAC_OF_SAMPLE);
        assertThat(WebhookSignature.verify("whsec_test", 1_700_000_000L, "{\"a\":1}", "v1=" + HMAC_OF_SAMPLE)).isTrue();
        assertThat(WebhookSignature.verify("whsec_test", 1_700_000_001L, "{\"a\":1}", "v1=" + HMAC_OF_SAMPLE)).isFalse();
        assertThat(WebhookSignature.verify("whsec_other", 1_700_000_000L, "{\"a\":1}", "v1=" + HMAC_OF_SAMPLE)).isFalse();
    }

    private static final String HMAC_OF_SAMPLE = "38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789";
}
