package io.borrowerportal.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import io.borrowerportal.ViewTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginViewTest extends ViewTest {

    @Test
    void the_login_page_shows_the_lender_and_asks_for_email_and_password() {
        navigate(LoginView.class);
        LoginForm form = $(LoginForm.class).single();
        assertThat(form.isError()).isFalse();
        assertThat(form.getAction()).isEqualTo("login");
        assertThat($(H1.class).first().getText()).isEqualTo("Borrower Portal Lender");
    }

    @Test
    void a_failed_sign_in_shows_one_generic_message() {
        com.vaadin.flow.component.UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("error", "")));
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        LoginForm form = $(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
    }
}
