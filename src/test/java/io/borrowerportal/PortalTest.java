package io.borrowerportal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring test on the test database (see {@link TestDatabase}), freshly migrated and loaded with the
 * demo data as of business date 2026-12-10, with the server on a random port. Service, browserless view
 * and browser journey tests all share this one context, so it is built once per run. Its mail goes to
 * one GreenMail SMTP server ({@link TestMailServer}); scheduled jobs are off ({@code portal.jobs.enabled}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = {TestDatabase.class, TestMailServer.class})
@Import(TestDatabaseConfiguration.class)
public @interface PortalTest {
}
