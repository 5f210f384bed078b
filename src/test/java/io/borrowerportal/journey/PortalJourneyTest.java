package io.borrowerportal.journey;

import io.borrowerportal.PortalTest;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A journey test: the shared test application (which listens on a random port, see {@link PortalTest})
 * driven by a real Chromium from {@link BrowserSupport}. Sharing the one context matters beyond speed:
 * a second context would install its own security-context strategy and break the tests that run after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserSupport.class)
@PortalTest
public @interface PortalJourneyTest {
}
