package io.borrowerportal.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.borrowerportal.ViewTest;
import io.borrowerportal.customer.AccountsLayout;
import io.borrowerportal.customer.CustomerService;
import org.springframework.security.access.AccessDeniedException;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.SettingsDraft;
import io.borrowerportal.settings.SettingsService;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerLayoutTest extends ViewTest {

    @Autowired
    PreviewService previews;
    @Autowired
    CustomerService customers;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    SettingsService settings;

    @Test
    @WithUserDetails("admin@example.com")
    void a_preview_of_unsaved_settings_shows_their_name_and_logo_in_the_header() throws IOException {
        SettingsDraft draft = settings.draft();
        draft.setLenderName("Preview Lender");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(30, 10, BufferedImage.TYPE_INT_RGB), "png", png);
        draft.setLogo(png.toByteArray());
        previews.start(SystemTask.call(() -> customers.idOf("jane.borrower@example.com").orElseThrow()), draft,
                context -> { });

        navigate("accounts", com.vaadin.flow.component.Component.class);

        assertThat($(Image.class).id("lender-logo").getSrc()).matches("branding/logo\\?v=[0-9a-f]{12}");
        assertThat($(Anchor.class).withClassName("portal-brand").first().getElement().getTextRecursively())
                .isEqualTo("Preview Lender");
        // Only the preview shows it: any other request (here another thread, signed in as nobody) has no logo.
        assertThat(CompletableFuture.supplyAsync(() -> settings.current().hasLogo()).join()).isFalse();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void without_a_logo_the_header_shows_the_lenders_name_alone() {
        navigate("accounts", com.vaadin.flow.component.Component.class);
        assertThat($(Image.class).withId("lender-logo").exists()).isFalse();
        assertThat($(Anchor.class).withClassName("portal-brand").first().getElement().getTextRecursively())
                .isEqualTo(settings.current().lenderName());
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_sees_no_preview_banner_and_can_log_out() {
        navigate("accounts", com.vaadin.flow.component.Component.class);
        assertThat($(Div.class).withId("preview-banner").exists()).isFalse();
        assertThat($(Button.class).id("logout").getText()).isEqualTo("Log out");
    }

    @Test
    @WithUserDetails("staff@example.com")
    void during_a_preview_the_banner_names_the_customer_and_changes_are_refused() {
        previews.start(SystemTask.call(() -> customers.idOf("jane.borrower@example.com").orElseThrow()), context -> { });
        navigate("accounts", com.vaadin.flow.component.Component.class);

        assertThat($(Div.class).id("preview-banner").getElement().getTextRecursively())
                .contains("Previewing as Jane Borrower, read-only.", "Exit preview");
        assertThat($(Button.class).withId("logout").exists()).isFalse();
        assertThat($(H1.class).first().getText()).isEqualTo("My accounts");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> layout = $(RadioButtonGroup.class).id("accounts-layout");
        String other = "List".equals(layout.getItemLabelGenerator().apply(layout.getValue())) ? "Cards" : "List";
        AccountsLayout before = customers.accountsLayout();
        // In the browser the session error handler turns this refusal into the read-only notice (journey test).
        assertThatThrownBy(() -> test(layout).selectItem(other)).hasRootCauseInstanceOf(AccessDeniedException.class);
        assertThat(customers.accountsLayout()).isEqualTo(before);

        test($(Button.class).id("exit-preview")).click();
        assertThat(currentUser.previewing()).isFalse();
        assertThat(currentUser.actor().orElseThrow().email()).isEqualTo("staff@example.com");
    }
}
