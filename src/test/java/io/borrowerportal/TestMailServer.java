package io.borrowerportal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * One GreenMail SMTP server on a free port for the whole test run, started with the shared test context
 * and pointed to by {@code spring.mail.host}/{@code spring.mail.port}, so the application sends real SMTP.
 * Tests read what arrived through {@link #server()}; mail from other tests arrives there too, so tests
 * pick their messages by a recipient of their own.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            GreenMail started = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            started.start();
            server = started;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-stop"));
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = server().getSmtp().getPort();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("portal-test-mail", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(port))));
    }
}
