package io.borrowerportal.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Every request gets an id, in the MDC as {@code request.id} for each line logged while it runs and in the
 * {@code X-Request-Id} response header, so a customer's "it failed at 10:42" leads to that request's lines. An id a
 * proxy in front already gave ({@code X-Request-Id}) is kept when it is a plain token; anything else is replaced,
 * so a client cannot write into the logs. First of all filters, before Spring Security logs anything.
 */
@Configuration(proxyBeanMethods = false)
class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request.id";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    /** Not a secret, but an id nobody can predict cannot be planted in advance to confuse a later reading of the logs. */
    private static final SecureRandom RANDOM = new SecureRandom();

    @Bean
    FilterRegistrationBean<Filter> requestIdFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("requestIds");
        return registration;
    }

    static String idFor(String given) {
        return given != null && TOKEN.matcher(given).matches() ? given : newId();
    }

    static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String id = idFor(request.getHeader(HEADER));
            response.setHeader(HEADER, id);
            try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
                chain.doFilter(request, response);
            }
        }
    }
}
