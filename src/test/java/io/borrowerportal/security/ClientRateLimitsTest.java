package io.borrowerportal.security;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.TestClock;
import io.borrowerportal.security.ClientRateLimits.Endpoint;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ObservationAuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token buckets per client address (decision 017), through the bean other features call and the sign-in filter. */
class ClientRateLimitsTest extends ServiceTest {

    @Autowired
    ClientRateLimits limits;
    @Autowired
    FilterChainProxy securityFilters;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_address_is_refused_beyond_its_bucket_and_let_through_again_after_the_refill() {
        String address = address();
        int capacity = limits.capacity(Endpoint.PASSWORD_RESET);
        for (int i = 0; i < capacity; i++) {
            limits.check(Endpoint.PASSWORD_RESET, address);
        }

        assertThatThrownBy(() -> limits.check(Endpoint.PASSWORD_RESET, address))
                .isInstanceOfSatisfying(TooManyAttemptsException.class, refused -> {
                    assertThat(refused.endpoint()).isEqualTo(Endpoint.PASSWORD_RESET);
                    assertThat(refused.retryAfter()).isPositive()
                            .isLessThanOrEqualTo(limits.refillPeriod(Endpoint.PASSWORD_RESET));
                    assertThat(refused.getMessage()).startsWith("Too many attempts. Please wait");
                });
        // Other endpoints and other addresses have buckets of their own.
        limits.check(Endpoint.EMAIL_CHANGE, address);
        limits.check(Endpoint.PASSWORD_RESET, address());

        clock.advance(limits.refillPeriod(Endpoint.PASSWORD_RESET).dividedBy(capacity).plusSeconds(1));
        limits.check(Endpoint.PASSWORD_RESET, address);
        assertThatThrownBy(() -> limits.check(Endpoint.PASSWORD_RESET, address)).isInstanceOf(TooManyAttemptsException.class);

        clock.advance(limits.refillPeriod(Endpoint.PASSWORD_RESET));
        for (int i = 0; i < capacity; i++) {
            limits.check(Endpoint.PASSWORD_RESET, address);
        }
    }

    @Test
    void sign_in_posts_beyond_the_bucket_get_the_wrong_password_redirect_without_reaching_authentication() throws Exception {
        Filter filter = new SignInRateLimitFilter(limits);
        String address = address();
        int capacity = limits.capacity(Endpoint.SIGN_IN);
        for (int i = 0; i < capacity; i++) {
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(signInPost(address), new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as("attempt " + (i + 1) + " goes on to authentication").isNotNull();
        }

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(signInPost(address), response, chain);

        assertThat(chain.getRequest()).as("refused before authentication").isNull();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");

        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/login");
        page.setRemoteAddr(address);
        MockFilterChain pageChain = new MockFilterChain();
        filter.doFilter(page, new MockHttpServletResponse(), pageChain);
        assertThat(pageChain.getRequest()).as("the sign-in page itself is not limited").isNotNull();

        clock.advance(limits.refillPeriod(Endpoint.SIGN_IN));
        MockFilterChain later = new MockFilterChain();
        filter.doFilter(signInPost(address), new MockHttpServletResponse(), later);
        assertThat(later.getRequest()).as("after the refill").isNotNull();
    }

    @Test
    void the_limit_runs_before_authentication_whose_only_provider_hashes_once() throws Exception {
        List<Filter> filters = securityFilters.getFilters("/login");
        int limit = indexOf(filters, SignInRateLimitFilter.class);
        int authentication = indexOf(filters, UsernamePasswordAuthenticationFilter.class);
        assertThat(limit).isNotNegative().isLessThan(authentication);

        Method manager = AbstractAuthenticationProcessingFilter.class.getDeclaredMethod("getAuthenticationManager");
        manager.setAccessible(true);
        List<AuthenticationProvider> providers = new ArrayList<>();
        collect((AuthenticationManager) manager.invoke(filters.get(authentication)), providers);
        assertThat(providers.stream().filter(provider -> provider.supports(UsernamePasswordAuthenticationToken.class)))
                .as("every provider an email and password may reach; a second one would hash the password again")
                .singleElement().isInstanceOf(SignInAuthenticationProvider.class);
    }

    private static void collect(AuthenticationManager manager, List<AuthenticationProvider> providers) throws Exception {
        if (manager instanceof ProviderManager providerManager) {
            providers.addAll(providerManager.getProviders());
            AuthenticationManager next = (AuthenticationManager) ReflectionTestUtils.getField(providerManager, "parent");
            if (next != null) {
                collect(next, providers);
            }
        } else if (manager instanceof ObservationAuthenticationManager observed) {
            // With Micrometer on the classpath (decision 040) Spring Security times each authentication: the same
            // manager, wrapped.
            collect((AuthenticationManager) ReflectionTestUtils.getField(observed, "delegate"), providers);
        } else {
            throw new AssertionError("Not a ProviderManager: " + manager);
        }
    }

    private static int indexOf(List<Filter> filters, Class<?> type) {
        for (int i = 0; i < filters.size(); i++) {
            if (type.isInstance(filters.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static MockHttpServletRequest signInPost(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setServletPath("/login");
        request.setRemoteAddr(address);
        request.addParameter("username", "someone@example.com");
        request.addParameter("password", "wrong");
        return request;
    }

    /**
     * An address of this test alone (a documentation range, RFC 5737, made unique), so no other test or earlier
     * run in the same context shares its buckets.
     */
    private static String address() {
        return "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255) + "-" + System.nanoTime();
    }
}
