package io.borrowerportal.staff.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import io.borrowerportal.ViewTest;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.settings.FeeRule;
import io.borrowerportal.settings.SettingChange;
import io.borrowerportal.settings.SettingField;
import io.borrowerportal.settings.SettingsDraft;
import io.borrowerportal.settings.SettingsGroup;
import io.borrowerportal.settings.SettingsProblem;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.SummaryField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.borrowerportal.base.ui.SessionSecurityContext;
import io.borrowerportal.security.PreviewService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer website settings editor: every group bound, read-only for staff, problems beside fields, confirm, conflict. */
class SettingsViewTest extends ViewTest {

    private static final String ADMIN = "admin@example.com";
    private static final String STAFF = "staff@example.com";

    @Autowired
    private PreviewService previewService;

    @Autowired
    SettingsService settings;
    @Autowired
    CurrentUser currentUser;

    /** The settings as the test found them; put back after each test, whatever it saved. */
    private SettingsDraft original;

    @BeforeEach
    void rememberSettings() {
        asAdmin(() -> original = settings.draft());
    }

    @AfterEach
    void restoreSettings() {
        asAdmin(() -> {
            SettingsDraft now = settings.draft();
            for (SettingField field : DraftFields.changed(now, original)) {
                DraftFields.copy(field, original, now);
            }
            if (!settings.changes(now).isEmpty()) {
                settings.save(now);
            }
        });
    }

    @Test
    @WithUserDetails(ADMIN)
    void every_group_renders_in_order_and_every_field_shows_the_saved_value() {
        SettingsView view = navigate(SettingsView.class);
        SettingsDraft saved = settings.draft();

        List<String> groups = view.form.getContent().getChildren().map(c -> c.getId().orElse("")).toList();
        assertThat(groups).containsExactlyElementsOf(Arrays.stream(SettingsGroup.values())
                .map(g -> "settings-group-" + g.name().toLowerCase(java.util.Locale.ROOT)).toList());
        for (SettingField field : SettingField.values()) {
            Component component = view.form.field(field);
            assertThat(component).as(field + " has a field").isNotNull();
            assertThat(within(component, view.form.section(field.group()))).as(field + " sits in " + field.group()).isTrue();
        }
        SettingsForm form = view.form;
        assertThat(form.lenderName.getValue()).isEqualTo(saved.getLenderName());
        assertThat(form.supportPhone.getValue()).isEqualTo(saved.getSupportPhone());
        assertThat(form.supportEmail.getValue()).isEqualTo(saved.getSupportEmail());
        assertThat(form.primaryColor.getValue()).isEqualTo(saved.getPrimaryColor());
        assertThat(form.swatch.getStyle().get("background-color")).isEqualTo(saved.getPrimaryColor());
        assertThat(form.timeZone.getValue()).isEqualTo(saved.getTimeZone());
        assertThat(form.timeZone.getListDataView().getItems().toList()).contains("America/New_York", "Europe/London")
                .isSorted();
        assertThat(form.cutoffTime.getValue()).isEqualTo(saved.getCutoffTime());
        assertThat(form.profilesSection.getValue()).isEqualTo(saved.isProfilesEnabled());
        assertThat(form.paymentsSection.getValue()).isEqualTo(saved.isPaymentsEnabled());
        assertThat(form.summaryFields.getValue()).containsExactlyElementsOf(saved.getSummaryFields());
        assertThat(rowTexts(view)).containsExactlyElementsOf(saved.getSummaryFields().stream().map(SummaryField::label).toList());
        assertThat(form.paymentTypes.getValue()).isEqualTo(saved.getPaymentTypes());
        assertThat(form.minimumPayment.getValue()).isEqualByComparingTo(saved.getMinimumPayment());
        assertThat(form.maximumPayment.getValue()).isEqualByComparingTo(saved.getMaximumPayment());
        assertThat(form.maxDaysAhead.getValue()).isEqualTo(saved.getMaxDaysAhead());
        assertThat(form.cardFeeKind.getValue()).isEqualTo(saved.getCardFeeKind());
        assertThat(form.bankFeeKind.getValue()).isEqualTo(saved.getBankFeeKind());
        assertThat(form.cardFeeValue.isEnabled()).as("an amount only for a fee that has one")
                .isEqualTo(saved.getCardFeeKind() != FeeRule.Kind.NONE);
        assertThat(form.nsfFee.getValue()).isEqualByComparingTo(saved.getNsfFee());
        assertThat(form.remittanceAddress.getValue()).isEqualTo(saved.getRemittanceAddress());
        assertThat(form.autopayFrequencies.getValue()).isEqualTo(saved.getAutopayFrequencies());
        assertThat(form.autopayAmountTypes.getValue()).isEqualTo(saved.getAutopayAmountTypes());
        assertThat(form.autopayMaxActive.getValue()).isEqualTo(saved.getAutopayMaxActive());
        assertThat(form.autopayRunTime.getValue()).isEqualTo(saved.getAutopayRunTime());
        assertThat(form.showForecast.getValue()).isEqualTo(saved.isShowForecast());
        assertThat(form.allowDownloads.getValue()).isEqualTo(saved.isAllowTransactionDownload());
        assertThat(form.insuranceWarnDays.getValue()).isEqualTo(saved.getInsuranceWarnDays());
        assertThat($(Anchor.class).id("settings-document-categories").getHref()).isEqualTo("staff/document-categories");

        // Editing writes into the draft the page saves.
        test(form.lenderName).setValue("Edited Lender");
        test(form.profilesSection).click();
        assertThat(form.binder.getBean().getLenderName()).isEqualTo("Edited Lender");
        assertThat(form.binder.getBean().isProfilesEnabled()).isEqualTo(!saved.isProfilesEnabled());
        assertThat($(Button.class).id("settings-save").isEnabled()).isTrue();
    }

    @Test
    @WithUserDetails(STAFF)
    void staff_see_every_setting_read_only_without_save_or_preview() {
        SettingsView view = navigate(SettingsView.class);

        assertThat($(Paragraph.class).id("read-only-note").getText()).isEqualTo("Only an administrator can change these settings.");
        assertThat($(Button.class).withId("settings-save").exists()).isFalse();
        assertThat($(Button.class).withId("settings-preview").exists()).isFalse();
        assertThat($(Button.class).withId("settings-discard").exists()).isFalse();
        for (SettingField field : SettingField.values()) {
            assertThat(((HasValue<?, ?>) view.form.field(field)).isReadOnly()).as(field + " is read-only").isTrue();
        }
        assertThat(view.form.cardFeeKind.isReadOnly()).isTrue();
        assertThat($(Button.class).withId(SummaryFieldsField.button(SummaryField.AMOUNT_DUE, "up")).exists()).isFalse();
        assertThat(view.form.summaryFields.adder.isVisible()).as("no Add").isFalse();
        assertThat(view.form.logo.upload.isVisible()).isFalse();
        assertThat(rowTexts(view)).isNotEmpty();
    }

    @Test
    @WithUserDetails(ADMIN)
    void an_invalid_draft_shows_each_problem_beside_its_field_and_in_the_list_at_the_top_and_saves_nothing() {
        long version = settings.draft().getVersion();
        SettingsView view = navigate(SettingsView.class);
        SettingsForm form = view.form;
        test(form.minimumPayment).setValue(new BigDecimal("500.00"));
        test(form.maximumPayment).setValue(new BigDecimal("100.00"));
        test(form.cardFeeKind).selectItem("Percent of the payment");
        test(form.cardFeeValue).setValue(new BigDecimal("50"));
        test(form.primaryColor).setValue("#ffff00");
        form.autopaySection.setValue(true);
        form.autopayFrequencies.clear();
        List<SettingsProblem> expected = settings.check(form.binder.getBean());
        assertThat(expected).extracting(SettingsProblem::field)
                .contains(SettingField.CARD_FEE, SettingField.PRIMARY_COLOR, SettingField.AUTOPAY_FREQUENCIES)
                .containsAnyOf(SettingField.MINIMUM_PAYMENT, SettingField.MAXIMUM_PAYMENT);

        test($(Button.class).id("settings-save")).click();

        for (SettingsProblem problem : expected) {
            HasValidation beside = (HasValidation) form.field(problem.field());
            assertThat(beside.isInvalid()).as(problem.field() + " is marked").isTrue();
            assertThat(beside.getErrorMessage()).as(problem.field() + "'s message").isEqualTo(problem.message());
        }
        assertThat(form.lenderName.isInvalid()).as("a field without a problem stays clean").isFalse();
        Div summary = $(Div.class).id("settings-problems");
        assertThat(summary.isVisible()).isTrue();
        assertThat(summary.getElement().getAttribute("role")).isEqualTo("alert");
        List<String> listed = summary.getChildren().skip(1).findFirst().orElseThrow().getChildren()
                .map(item -> ((Button) item.getChildren().findFirst().orElseThrow()).getText()).toList();
        assertThat(listed).hasSize(expected.size());
        for (SettingsProblem problem : expected) {
            assertThat(listed).anySatisfy(text -> assertThat(text).contains(problem.field().label()).contains(problem.message()));
        }
        assertThat($(Dialog.class).withId("settings-confirm-dialog").exists()).as("no confirmation for a bad draft").isFalse();
        assertThat(settings.draft().getVersion()).as("nothing saved").isEqualTo(version);

        // Fixing a field and saving again clears the marks of the problems that went away.
        test(form.primaryColor).setValue("#1f5fa8");
        test($(Button.class).id("settings-save")).click();
        assertThat(form.primaryColor.isInvalid()).isFalse();
        assertThat(((HasValidation) form.field(SettingField.CARD_FEE)).isInvalid()).isTrue();
    }

    @Test
    @WithUserDetails(ADMIN)
    void save_lists_each_change_before_and_after_and_confirm_saves_it() {
        SettingsDraft before = settings.draft();
        SettingsView view = navigate(SettingsView.class);
        test(view.form.lenderName).setValue(before.getLenderName() + " Bank");
        test(view.form.profilesSection).click();
        List<SettingChange> expected = settings.changes(view.form.binder.getBean());

        test($(Button.class).id("settings-save")).click();

        Dialog dialog = $(Dialog.class).id("settings-confirm-dialog");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Save these 2 changes?");
        ListItem name = $(ListItem.class).id("change-lender-name");
        assertThat(name.getElement().getTextRecursively())
                .isEqualTo("Lender name" + before.getLenderName() + " → " + before.getLenderName() + " Bank");
        ListItem profiles = $(ListItem.class).id("change-profiles-section");
        SettingChange profilesChange = expected.stream().filter(c -> c.field() == SettingField.PROFILES_SECTION).findFirst().orElseThrow();
        assertThat(profiles.getElement().getTextRecursively())
                .isEqualTo("Payment Profiles" + profilesChange.before() + " → " + profilesChange.after());
        assertThat(settings.draft().getLenderName()).as("not saved before confirming").isEqualTo(before.getLenderName());

        test($(Button.class).id("settings-confirm")).click();

        SettingsDraft after = settings.draft();
        assertThat(after.getLenderName()).isEqualTo(before.getLenderName() + " Bank");
        assertThat(after.isProfilesEnabled()).isEqualTo(!before.isProfilesEnabled());
        assertThat(after.getVersion()).isGreaterThan(before.getVersion());
        assertThat($(Paragraph.class).id("settings-result").getText()).startsWith("Saved 2 changes.");
        assertThat(view.form.binder.getBean().getVersion()).as("the form reloaded at the new version").isEqualTo(after.getVersion());
    }

    @Test
    @WithUserDetails(ADMIN)
    void keep_editing_saves_nothing_and_an_unchanged_form_has_nothing_to_save() {
        SettingsView view = navigate(SettingsView.class);
        test($(Button.class).id("settings-save")).click();
        assertThat($(Paragraph.class).id("settings-result").getText()).startsWith("Nothing to save");
        assertThat($(Dialog.class).withId("settings-confirm-dialog").exists()).isFalse();

        String name = view.form.lenderName.getValue();
        test(view.form.lenderName).setValue(name + " Two");
        test($(Button.class).id("settings-save")).click();
        test($(Button.class).id("settings-confirm-cancel")).click();
        assertThat(settings.draft().getLenderName()).isEqualTo(name);
        assertThat(view.form.lenderName.getValue()).as("the edit stays in the form").isEqualTo(name + " Two");

        test($(Button.class).id("settings-discard")).click();
        assertThat(view.form.lenderName.getValue()).isEqualTo(name);
    }

    @Test
    @WithUserDetails(ADMIN)
    void a_conflict_says_who_saved_and_what_and_apply_mine_on_top_keeps_both_changes() {
        SettingsDraft before = settings.draft();
        SettingsView view = navigate(SettingsView.class);
        test(view.form.supportPhone).setValue("1-800-555-0199");
        // Another admin saves a different change meanwhile.
        SettingsDraft theirs = settings.draft();
        theirs.setLenderName(before.getLenderName() + " Credit");
        settings.save(theirs);

        test($(Button.class).id("settings-save")).click();
        test($(Button.class).id("settings-confirm")).click();

        Paragraph message = $(Paragraph.class).id("settings-conflict-message");
        assertThat(message.getText()).contains("saved the settings on").contains("while you were editing")
                .contains("Nothing of yours was saved");
        assertThat($(ListItem.class).id("their-change-lender-name").getElement().getTextRecursively())
                .contains(before.getLenderName() + " Credit");
        assertThat(settings.draft().getSupportPhone()).isEqualTo(before.getSupportPhone());

        test($(Button.class).id("conflict-apply")).click();

        assertThat(view.form.lenderName.getValue()).as("their change").isEqualTo(before.getLenderName() + " Credit");
        assertThat(view.form.supportPhone.getValue()).as("my change").isEqualTo("1-800-555-0199");
        test($(Button.class).id("settings-save")).click();
        assertThat($(ListItem.class).withId("change-lender-name").exists()).as("only my change is left to save").isFalse();
        test($(Button.class).id("settings-confirm")).click();
        SettingsDraft saved = settings.draft();
        assertThat(saved.getLenderName()).isEqualTo(before.getLenderName() + " Credit");
        assertThat(saved.getSupportPhone()).isEqualTo("1-800-555-0199");
    }

    @Test
    @WithUserDetails(ADMIN)
    void reload_their_version_drops_my_edits() {
        SettingsDraft before = settings.draft();
        SettingsView view = navigate(SettingsView.class);
        test(view.form.supportPhone).setValue("1-800-555-0123");
        SettingsDraft theirs = settings.draft();
        theirs.setLenderName(before.getLenderName() + " Trust");
        settings.save(theirs);
        test($(Button.class).id("settings-save")).click();
        test($(Button.class).id("settings-confirm")).click();

        test($(Button.class).id("conflict-reload")).click();

        assertThat(view.form.lenderName.getValue()).isEqualTo(before.getLenderName() + " Trust");
        assertThat(view.form.supportPhone.getValue()).isEqualTo(before.getSupportPhone());
    }

    @Test
    @WithUserDetails(ADMIN)
    void the_summary_order_changes_with_up_down_remove_and_add_and_each_button_names_its_field() {
        SettingsView view = navigate(SettingsView.class);
        List<SummaryField> start = new ArrayList<>(view.form.summaryFields.getValue());
        assertThat(start.size()).isGreaterThanOrEqualTo(2);
        SummaryField first = start.get(0);
        SummaryField second = start.get(1);
        Button down = $(Button.class).id(SummaryFieldsField.button(first, "down"));
        assertThat(down.getElement().getAttribute("aria-label")).isEqualTo("Move " + first.label() + " down");
        assertThat($(Button.class).id(SummaryFieldsField.button(first, "up")).isEnabled()).as("the first cannot go up").isFalse();

        test(down).click();
        assertThat(view.form.summaryFields.getValue().subList(0, 2)).containsExactly(second, first);
        test($(Button.class).id(SummaryFieldsField.button(first, "up"))).click();
        assertThat(view.form.summaryFields.getValue()).containsExactlyElementsOf(start);

        test($(Button.class).id(SummaryFieldsField.button(first, "remove"))).click();
        assertThat(view.form.summaryFields.getValue()).doesNotContain(first);
        assertThat(view.form.binder.getBean().getSummaryFields()).doesNotContain(first);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<SummaryField> hidden = $(com.vaadin.flow.component.select.Select.class).id("summary-hidden");
        assertThat(hidden.getListDataView().getItems().toList()).contains(first);
        test(hidden).selectItem(first.label());
        test($(Button.class).id("summary-add")).click();
        assertThat(view.form.summaryFields.getValue()).endsWith(first);
    }

    @Test
    @WithUserDetails(ADMIN)
    void a_logo_over_one_megabyte_is_refused_beside_the_field_and_a_received_logo_can_be_removed() throws IOException {
        SettingsView view = navigate(SettingsView.class);
        LogoField logo = view.form.logo;
        logo.tooLarge();
        assertThat(logo.isInvalid()).isTrue();
        assertThat(logo.getErrorMessage()).isEqualTo("The logo is larger than 1 MB. Choose a smaller PNG or SVG file.");

        Path file = Files.createTempFile("logo", ".svg");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>".getBytes();
        Files.write(file, svg);
        logo.received(file, "logo.svg");
        assertThat(Files.exists(file)).as("the temporary file is gone").isFalse();
        assertThat(logo.isInvalid()).isFalse();
        assertThat(view.form.binder.getBean().getLogo()).isEqualTo(svg);
        assertThat(view.form.binder.getBean().getLogoFileName()).isEqualTo("logo.svg");
        assertThat(logo.remove.isVisible()).isTrue();
        assertThat($(com.vaadin.flow.component.html.Image.class).id("logo-image").getAlt()).contains("Logo preview");

        test(logo.remove).click();
        assertThat(view.form.binder.getBean().getLogo()).isNull();
        assertThat(logo.remove.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails(ADMIN)
    void preview_of_an_invalid_draft_shows_the_problems_instead_of_opening() {
        SettingsView view = navigate(SettingsView.class);
        test(view.form.minimumPayment).setValue(new BigDecimal("500.00"));
        test(view.form.maximumPayment).setValue(new BigDecimal("100.00"));

        test($(Button.class).id("settings-preview")).click();

        assertThat($(Dialog.class).withId("settings-preview-dialog").exists()).isFalse();
        assertThat($(Div.class).id("settings-problems").isVisible()).isTrue();
        assertThat(currentUser.previewing()).isFalse();
    }

    @Test
    @WithUserDetails(ADMIN)
    void preview_as_a_customer_finds_the_customer_and_starts_a_preview_of_the_unsaved_settings() {
        SettingsView view = navigate(SettingsView.class);
        test(view.form.profilesSection).click();

        test($(Button.class).id("settings-preview")).click();
        PreviewSettingsDialog dialog = (PreviewSettingsDialog) $(Dialog.class).id("settings-preview-dialog");
        assertThat(dialog.open.isEnabled()).isFalse();
        test(dialog.customer).setFilter("jane");
        assertThat(test(dialog.customer).getSuggestionItems()).extracting(m -> m.customer().email())
                .containsExactly("jane.borrower@example.com");
        test(dialog.customer).selectItem(test(dialog.customer).getSuggestions().getFirst());
        test(dialog.open).click();

        assertThat(currentUser.previewing()).isTrue();
        // End it as the customer site's Exit preview does, so the session holds the admin again for the clean-up.
        previewService.stop(SessionSecurityContext.saver());
        assertThat(currentUser.previewing()).isFalse();
    }

    private static boolean within(Component component, Section section) {
        Optional<Component> at = Optional.of(component);
        while (at.isPresent()) {
            if (at.get() == section) {
                return true;
            }
            at = at.get().getParent();
        }
        return false;
    }

    private static List<String> rowTexts(SettingsView view) {
        return view.form.summaryFields.getChildren()
                .filter(c -> "summary-shown".equals(c.getId().orElse("")))
                .flatMap(Component::getChildren)
                .map(row -> row.getChildren().skip(1).findFirst().orElseThrow().getElement().getText())
                .toList();
    }
}
