package io.borrowerportal.security;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.settings.SettingField;
import io.borrowerportal.settings.SettingsDraft;
import io.borrowerportal.settings.SettingsProblem;
import io.borrowerportal.settings.SettingsRejectedException;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.SummaryField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A staff preview of unsaved settings (issue #12): the draft is in force inside the preview and nowhere else. */
class PreviewOfUnsavedSettingsTest extends ServiceTest {

    @Autowired
    PreviewService previews;
    @Autowired
    SettingsService settings;
    @Autowired
    CustomerService customers;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    JdbcTemplate jdbc;

    private final List<SecurityContext> saved = new ArrayList<>();

    private long jane() {
        return SystemTask.call(() -> customers.idOf("jane.borrower@example.com").orElseThrow());
    }

    @Test
    void every_settings_read_inside_the_preview_answers_the_draft_and_only_there() throws Exception {
        SignIn.as(users, "admin@example.com");
        SettingsDraft draft = settings.draft();
        String savedName = draft.getLenderName();
        BigDecimal savedMinimum = draft.getMinimumPayment();
        long version = draft.getVersion();
        draft.setLenderName("Preview Lender");
        draft.setMinimumPayment(new BigDecimal("1.00"));
        draft.setSummaryFields(List.of(SummaryField.INTEREST_RATE, SummaryField.AMOUNT_DUE));
        draft.setAutopayMaxActive(3);

        previews.start(jane(), draft, saved::add);

        assertThat(currentUser.previewing()).isTrue();
        assertThat(settings.current().lenderName()).isEqualTo("Preview Lender");
        assertThat(settings.current().summaryFields()).containsExactly(SummaryField.INTEREST_RATE, SummaryField.AMOUNT_DUE);
        assertThat(settings.payments().minimumAmount()).isEqualByComparingTo("1.00");
        assertThat(settings.autopay().maxActivePerAccount()).isEqualTo(3);
        // Any other request (here another thread, signed in as nobody) reads the saved settings.
        assertThat(CompletableFuture.supplyAsync(() -> settings.current().lenderName()).get()).isEqualTo(savedName);
        // The preview keeps the draft as it was started: editing on does not change what it shows.
        draft.setLenderName("Edited after the start");
        assertThat(settings.current().lenderName()).isEqualTo("Preview Lender");
        // Read-only: not even the admin's own save goes through while previewing.
        assertThatThrownBy(() -> settings.save(draft)).isInstanceOf(AccessDeniedException.class);

        previews.stop(saved::add);

        assertThat(settings.current().lenderName()).isEqualTo(savedName);
        assertThat(settings.payments().minimumAmount()).isEqualByComparingTo(savedMinimum);
        assertThat(settings.draft().getVersion()).isEqualTo(version);
        assertThat(jdbc.queryForObject("select detail from audit_events where action = 'PREVIEW_STARTED' "
                + "and actor = 'admin@example.com' order by id desc limit 1", String.class))
                .contains("started with unsaved settings")
                .contains("Lender name: " + savedName + " → Preview Lender")
                .contains("Minimum payment: $5.00 → $1.00");
    }

    @Test
    void a_draft_that_could_not_be_saved_cannot_be_previewed() {
        SignIn.as(users, "admin@example.com");
        SettingsDraft draft = settings.draft();
        draft.setMaximumPayment(new BigDecimal("1.00"));
        draft.setMinimumPayment(new BigDecimal("2.00"));

        assertThatThrownBy(() -> previews.start(jane(), draft, saved::add))
                .isInstanceOfSatisfying(SettingsRejectedException.class, refused -> assertThat(refused.problems())
                        .extracting(SettingsProblem::field).containsExactly(SettingField.MAXIMUM_PAYMENT));
        assertThat(currentUser.previewing()).isFalse();
        assertThat(saved).isEmpty();
    }

    @Test
    void staff_preview_only_the_saved_settings() {
        SignIn.as(users, "admin@example.com");
        SettingsDraft draft = settings.draft();
        SignIn.as(users, "staff@example.com");

        assertThatThrownBy(() -> previews.start(jane(), draft, saved::add)).isInstanceOf(AccessDeniedException.class);
        assertThat(saved).isEmpty();
    }
}
