package io.borrowerportal.journey;

import io.borrowerportal.TestDatabase;
import io.borrowerportal.TestDatabaseConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A journey test: the application on a random port over the same freshly loaded test database as
 * {@link io.borrowerportal.PortalTest}, driven by a real Chromium from {@link BrowserSupport}. It is a
 * separate annotation because a real server needs its own Spring context; the service tests keep
 * sharing their mock-environment one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserSupport.class)
// Vaadin's development tools float over the page corner and would swallow clicks meant for the app.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.devmode.devTools.enabled=false")
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestDatabaseConfiguration.class)
public @interface PortalJourneyTest {
}
