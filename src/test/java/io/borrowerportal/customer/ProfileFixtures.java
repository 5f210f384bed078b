package io.borrowerportal.customer;

import io.borrowerportal.security.SystemTask;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fresh customers for My profile's tests (the shared context's demo customers keep their passwords), and their mail. */
public final class ProfileFixtures {

    public static final String PASSWORD = "test-password-1";
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/confirm-email\\?token=([A-Za-z0-9_-]+)");

    private ProfileFixtures() {
    }

    public static String freshAddress(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Creates an active customer with {@link #PASSWORD} and returns their email. */
    public static String customer(CustomerService customers, String who) {
        String email = freshAddress(who).toLowerCase(Locale.ROOT);
        SystemTask.run(() -> customers.create(email, "Pat", "Profile " + who, null, PASSWORD));
        return email;
    }

    /** The bodies of the emails queued to the address with the subject, newest first. */
    public static List<String> mail(JdbcClient jdbc, String to, String subject) {
        return jdbc.sql("SELECT body FROM email_outbox WHERE recipient = :to AND subject = :subject ORDER BY id DESC")
                .param("to", to).param("subject", subject).query(String.class).list();
    }

    /** The token of the newest confirmation link sent to the address. */
    public static String confirmationToken(JdbcClient jdbc, String to) {
        List<String> bodies = mail(jdbc, to, "Confirm your new email address");
        if (bodies.isEmpty()) {
            throw new AssertionError("No confirmation link was sent to " + to);
        }
        Matcher link = LINK.matcher(bodies.getFirst());
        if (!link.find()) {
            throw new AssertionError("No absolute confirmation link in: " + bodies.getFirst());
        }
        return link.group(1);
    }

    public static long audited(JdbcClient jdbc, String customerEmail, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE customer = :customer AND action = :action")
                .param("customer", customerEmail).param("action", action).query(Long.class).single();
    }
}
