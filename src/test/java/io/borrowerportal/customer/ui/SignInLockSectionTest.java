package io.borrowerportal.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.ViewTest;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.test.context.support.WithUserDetails;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The sign-in lock on a customer's staff page: what staff see, and the button that lifts it. */
class SignInLockSectionTest extends ViewTest {

    static final String PASSWORD = "right-password-1";

    @Autowired
    CustomerService customers;
    @Autowired
    AuthenticationConfiguration authentication;

    @Test
    @WithUserDetails("staff@example.com")
    void staff_see_the_lock_with_its_end_and_attempts_and_lift_it() throws Exception {
        String email = "section-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long id = SystemTask.call(() -> customers.create(email, "Section", "Tester", null, PASSWORD));
        for (int i = 0; i < 10; i++) {
            catchThrowable(() -> authentication.getAuthenticationManager()
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, "wrong-password-1")));
        }

        navigate("staff/customers/" + id, Div.class);

        assertThat($(Paragraph.class).id("sign-in-lock-status").getText())
                .matches("Sign-in locked until \\d{1,2}:\\d{2} (AM|PM) E[SD]T on December 10, 2026, 10 failed attempts");
        test($(Button.class).id("lift-sign-in-lock")).click();

        assertThat($(Paragraph.class).id("sign-in-lock-status").getText()).isEqualTo("Not locked, 10 failed attempts in the last 30 minutes");
        assertThat($(Button.class).withId("lift-sign-in-lock").exists()).isFalse();
        assertThat(authentication.getAuthenticationManager()
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, PASSWORD)).isAuthenticated()).isTrue();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void a_customer_who_never_failed_is_not_locked_and_has_no_button() {
        String email = "section-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long id = SystemTask.call(() -> customers.create(email, "Section", "Tester", null, PASSWORD));

        navigate("staff/customers/" + id, Div.class);

        assertThat($(Paragraph.class).id("sign-in-lock-status").getText()).isEqualTo("Not locked");
        assertThat($(Button.class).withId("lift-sign-in-lock").exists()).isFalse();
    }
}
