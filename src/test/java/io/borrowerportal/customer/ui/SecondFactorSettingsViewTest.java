package io.borrowerportal.customer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.SignIn;
import io.borrowerportal.ViewTest;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.Base32;
import io.borrowerportal.security.SecondFactorNavigation;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.security.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SecondFactorSettingsViewTest extends ViewTest {

    @Autowired
    CustomerService customers;

    @Test
    void a_customer_turns_the_factor_on_through_the_enrolment_page_and_off_with_a_code() {
        String email = "mfa-settings-" + UUID.randomUUID() + "@example.com";
        SystemTask.run(() -> customers.create(email, "Set", "Tings", "+1 555 0197", "a-long-test-password"));
        SignIn.as(users, email);

        navigate(SecondFactorNavigation.CUSTOMER_SETTINGS_ROUTE, SecondFactorSettingsView.class);
        assertThat($(Paragraph.class).id("second-factor-state").getText()).startsWith("Off");
        test($(Button.class).id("turn-on-second-factor")).click();

        String secret = $(Span.class).id("totp-secret").getText().replace(" ", "");
        test($(TextField.class).id("enrol-code")).setValue(Totp.code(Base32.decode(secret), Totp.step(Instant.now())));
        test($(Button.class).id("confirm-enrolment")).click();
        test($(Button.class).id("continue")).click();

        assertThat($(Paragraph.class).id("second-factor-state").getText()).startsWith("On").contains("10 of 10");
        test($(TextField.class).id("turn-off-code")).setValue(Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + 1));
        test($(Button.class).id("turn-off-second-factor")).click();
        assertThat($(Paragraph.class).id("second-factor-state").getText()).startsWith("Off");
    }

    @Test
    void staff_cannot_open_a_customers_second_factor_settings() {
        SignIn.as(users, "staff@example.com");
        assertThat(navigate(SecondFactorNavigation.CUSTOMER_SETTINGS_ROUTE, Component.class).getClass().getSimpleName())
                .isEqualTo("NotFoundView");
    }
}
