package io.borrowerportal.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The client bundle's files under {@code /VAADIN/build/} carry a hash of their content in their names
 * ({@code indexhtml-BNp73Egs.js}): a new build gives them new names, so a browser may keep them for a year without
 * asking again. Vaadin sends them with {@code max-age=3600}, and a phone on a slow network then asks for the whole
 * bundle again every hour. Files without a hash in their name keep what Vaadin says.
 */
@Configuration(proxyBeanMethods = false)
class HashedFileCaching {

    static final String IMMUTABLE = "max-age=31536000, immutable";
    /** A name ending in a dash and a hash of 8 or more letters, digits, dashes or underscores, then .js or .css. */
    static final Pattern HASHED = Pattern.compile(".*-[A-Za-z0-9_-]{8,}\\.(js|css)$");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> hashedFileCachingFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.addUrlPatterns("/VAADIN/build/*");
        registration.setName("hashedFileCaching");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!HASHED.matcher(request.getRequestURI()).matches()) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setHeader(String name, String value) {
                    super.setHeader(name, cacheControl(name, value));
                }

                @Override
                public void addHeader(String name, String value) {
                    super.addHeader(name, cacheControl(name, value));
                }
            });
        }

        /** Any cache time the server would give a hashed file becomes a year; a refusal to cache stays as it was. */
        private static String cacheControl(String name, String value) {
            if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) || value == null || !value.contains("max-age")) {
                return value;
            }
            return IMMUTABLE;
        }
    }
}
