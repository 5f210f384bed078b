package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.SignIn;
import io.borrowerportal.ViewTest;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.security.Base32;
import io.borrowerportal.security.SecondFactorService;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.security.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SecondFactorSectionTest extends ViewTest {

    @Autowired
    CustomerService customers;
    @Autowired
    SecondFactorService secondFactors;

    /** A fresh customer who turned the factor on. */
    private long customerWithFactor() {
        String email = "mfa-section-" + UUID.randomUUID() + "@example.com";
        long id = SystemTask.call(() -> customers.create(email, "Sec", "Tion", "+1 555 0198", "a-long-test-password"));
        SignIn.as(users, email);
        String secret = secondFactors.startCustomerEnrolment().secret();
        secondFactors.confirmCustomerEnrolment(Totp.code(Base32.decode(secret), Totp.step(Instant.now())), context -> { });
        return id;
    }

    @Test
    void staff_see_the_factor_of_a_customer_and_reset_it() {
        long customerId = customerWithFactor();
        SignIn.as(users, "staff@example.com");

        navigate("staff/customers/" + customerId, StaffCustomerView.class);
        assertThat($(Paragraph.class).id("second-factor-status").getText()).isEqualTo("Second factor: on");
        test($(Button.class).id("reset-second-factor")).click();

        assertThat($(Paragraph.class).id("second-factor-status").getText()).isEqualTo("Second factor: off");
        assertThat($(Button.class).id("reset-second-factor").isEnabled()).isFalse();
        assertThat(secondFactors.customerHasFactor(customerId)).isFalse();
    }

    @Test
    @WithUserDetails("staff@example.com")
    void a_customer_without_a_factor_shows_off_and_no_reset() {
        long jane = SystemTask.call(() -> customers.idOf("jane.borrower@example.com").orElseThrow());
        navigate("staff/customers/" + jane, StaffCustomerView.class);
        assertThat($(Paragraph.class).id("second-factor-status").getText()).isEqualTo("Second factor: off");
        assertThat($(Button.class).id("reset-second-factor").isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails("admin@example.com")
    void admins_see_every_staff_members_factor() {
        navigate("staff/second-factors", StaffSecondFactorsView.class);
        @SuppressWarnings("unchecked")
        Grid<SecondFactorService.StaffFactor> grid = $(Grid.class).id("staff-factors");
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @WithUserDetails("staff@example.com")
    void staff_who_are_not_admins_cannot_open_the_staff_resets() {
        navigate("staff/second-factors", io.borrowerportal.base.ui.NotFoundView.class);
    }
}
