package io.borrowerportal.customer.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.ViewTest;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.customer.ProfileFixtures;
import io.borrowerportal.customer.ProfileService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;

import static io.borrowerportal.customer.ProfileFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

class ConfirmEmailViewTest extends ViewTest {

    @Autowired
    CustomerService customers;
    @Autowired
    ProfileService profiles;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
    }

    private void open(String token) {
        UI.getCurrent().navigate("confirm-email", QueryParameters.of("token", token));
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(ConfirmEmailView.class);
    }

    /** A customer who asked to move to a new address; returns the new address. */
    private String requested(String who) {
        String email = ProfileFixtures.customer(customers, who);
        SignIn.as(users, email);
        String fresh = ProfileFixtures.freshAddress(who + "-new");
        profiles.requestEmailChange(fresh, PASSWORD);
        return fresh;
    }

    @Test
    void opening_the_link_changes_nothing_until_the_customer_confirms_and_then_it_works_once() {
        String fresh = requested("confirm-view");
        String token = ProfileFixtures.confirmationToken(jdbc, fresh);
        SignIn.out();

        open(token);
        assertThat($(Paragraph.class).id("confirm-email-question").getText()).contains(fresh);
        assertThat(profiles.emailChangeLink(token).usable()).as("opening the page did not use the link").isTrue();

        test($(Button.class).id("confirm-email")).click();
        assertThat($(H1.class).first().getText()).isEqualTo("Your email address was changed");
        assertThat($(Paragraph.class).id("confirm-email-result").getText()).contains("sign in with " + fresh);
        assertThat($(Anchor.class).withText("Sign in").single().getHref()).isEqualTo("login");
        assertThat(users.loadUserByUsername(fresh)).isNotNull();

        open(token);
        assertThat($(H1.class).first().getText()).isEqualTo("This link can't be used");
        assertThat($(Paragraph.class).id("confirm-email-result").getText()).contains("already used");
        assertThat($(Anchor.class).id("start-again").getHref()).isEqualTo("profile");
    }

    @Test
    void an_expired_link_says_so_and_offers_to_start_again() {
        String fresh = requested("expired-view");
        String token = ProfileFixtures.confirmationToken(jdbc, fresh);
        ((TestClock) clock).advance(Duration.ofHours(25));

        open(token);
        assertThat($(Paragraph.class).id("confirm-email-result").getText()).contains("expired", "has not changed");
        assertThat($(Button.class).withId("confirm-email").exists()).isFalse();
        assertThat($(Anchor.class).id("start-again").getText()).isEqualTo("Start again on My profile");
    }

    @Test
    void a_link_without_a_valid_token_is_refused() {
        SignIn.out();
        open("made-up");
        assertThat($(Paragraph.class).id("confirm-email-result").getText()).contains("not valid");
        navigate("confirm-email", ConfirmEmailView.class);
        assertThat($(Paragraph.class).id("confirm-email-result").getText()).contains("not valid");
    }
}
