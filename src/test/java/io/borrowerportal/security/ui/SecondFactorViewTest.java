package io.borrowerportal.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import io.borrowerportal.SignIn;
import io.borrowerportal.ViewTest;
import io.borrowerportal.demo.DemoSecondFactors;
import io.borrowerportal.security.Base32;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SecondFactorService;
import io.borrowerportal.security.StaffDirectory;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.security.Totp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SecondFactorViewTest extends ViewTest {

    private static final String PASSWORD = "a-long-test-password";

    @Autowired
    AuthenticationProvider passwordStep;
    @Autowired
    StaffDirectory staffDirectory;
    @Autowired
    SecondFactorService secondFactors;

    private String newStaff() {
        String email = "mfa-view-" + UUID.randomUUID() + "@example.com";
        SystemTask.run(() -> staffDirectory.create(email, "View Staff", Role.STAFF, PASSWORD));
        return email;
    }

    private static boolean holds(String authority) {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }

    @Test
    void after_the_password_staff_are_sent_to_the_code_page_from_any_page_they_could_open() {
        SignIn.passwordOnly(passwordStep, "admin@example.com", "demo-password-1");

        navigate("", SecondFactorView.class);
        navigate("staff", SecondFactorView.class);
        navigate("staff/customers/1", SecondFactorView.class);
        navigate("staff/second-factors", SecondFactorView.class);
    }

    @Test
    void the_code_from_the_app_completes_the_sign_in() {
        String email = newStaff();
        SignIn.passwordOnly(passwordStep, email, PASSWORD);
        String secret = secondFactors.startEnrolment().secret();
        assertThat(secondFactors.confirmEnrolment(code(secret, 0), context -> { }).confirmed()).isTrue();
        SignIn.passwordOnly(passwordStep, email, PASSWORD);
        navigate(SecondFactorView.class);

        test($(TextField.class).id("second-factor-code")).setValue("000000".equals(code(secret, 1)) ? "111111" : "000000");
        test($(Button.class).id("verify-code")).click();
        assertThat($(TextField.class).id("second-factor-code").isInvalid()).isTrue();
        assertThat(holds("ROLE_STAFF")).isFalse();

        test($(TextField.class).id("second-factor-code")).setValue(code(secret, 1));
        test($(Button.class).id("verify-code")).click();

        assertThat(holds("ROLE_STAFF")).isTrue();
        assertThat(holds(SecondFactorService.TOTP_FACTOR)).isTrue();
        assertThat(navigate("staff", Component.class).getClass().getSimpleName()).isEqualTo("StaffHomeView");
    }

    @Test
    void a_recovery_code_is_offered_for_a_lost_phone() {
        SignIn.passwordOnly(passwordStep, "staff@example.com", "demo-password-1");
        navigate(SecondFactorView.class);

        test($(Button.class).id("show-recovery")).click();
        test($(TextField.class).id("recovery-code")).setValue("aaaa-bbbb-cccc");
        test($(Button.class).id("use-recovery-code")).click();

        assertThat($(TextField.class).id("recovery-code").isInvalid()).isTrue();
        assertThat(holds("ROLE_STAFF")).isFalse();
    }

    @Test
    void staff_without_a_factor_are_sent_to_set_one_up_and_get_ten_recovery_codes() {
        SignIn.passwordOnly(passwordStep, newStaff(), PASSWORD);

        navigate("staff", SecondFactorEnrolmentView.class);
        assertThat($(Image.class).id("totp-qr").getSrc()).isNotBlank();
        String secret = $(Span.class).id("totp-secret").getText().replace(" ", "");
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");

        test($(TextField.class).id("enrol-code")).setValue(Totp.code(Base32.decode(secret), Totp.step(Instant.now())));
        test($(Button.class).id("confirm-enrolment")).click();

        assertThat($(UnorderedList.class).id("recovery-codes").getChildren().map(c -> ((ListItem) c).getText()))
                .hasSize(SecondFactorService.RECOVERY_CODES).allMatch(c -> c.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"));
        assertThat(holds("ROLE_STAFF")).isTrue();
    }

    @Test
    void the_qr_code_is_a_png() {
        byte[] png = SecondFactorPages.png("otpauth://totp/Test:a%40b.c?secret=" + DemoSecondFactors.STAFF_TOTP_SECRET);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    private static String code(String secret, int ahead) {
        return Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + ahead);
    }
}
