package io.borrowerportal.paymentprofile.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.account.ui.AccountPage;
import io.borrowerportal.account.ui.AccountTabView;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileChanges;
import io.borrowerportal.paymentprofile.ProfileFields;
import io.borrowerportal.paymentprofile.ProfileRefusedException;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Payment Profiles tab: the customer's cards and bank accounts, shown only masked, with edit, make
 * primary and delete. It sits under a loan's dashboard but lists the customer's profiles, which pay any
 * of their loans.
 */
@Route(value = "accounts/:loanNumber/profiles", layout = CustomerLayout.class)
@RolesAllowed(Role.CUSTOMER)
class PaymentProfilesView extends AccountTabView {

    private final PaymentProfileService profiles;
    private final SettingsService settings;
    private final Clock clock;
    private final Div list = new Div();
    private final Div alert = new Div();
    private String loanNumber;

    PaymentProfilesView(AccountService accountService, SettingsService settingsService,
                        PaymentProfileService profiles, Clock clock) {
        super(accountService, settingsService, AccountPage.Tab.PROFILES);
        this.profiles = profiles;
        this.settings = settingsService;
        this.clock = clock;
        addClassName("profiles-view");
        list.setId("profile-list");
        list.addClassName("profile-list");
        alert.setId("profiles-alert");
        alert.addClassNames("alert", "alert-error");
        alert.getElement().setAttribute("role", "alert");
        alert.setVisible(false);
    }

    @Override
    protected void render(AccountDetail detail, WebsiteSettings website) {
        loanNumber = detail.info().loanNumber();
        Div section = new Div();
        section.addClassName("profiles-section");
        Paragraph scope = new Paragraph("These cards and bank accounts belong to you, not to this loan: "
                + "you can use them to pay any of your loans.");
        scope.addClassName("profiles-scope");
        Button newCard = new Button("New Credit/Debit Card Profile",
                e -> new CardProfileDialog(profiles, clock, false, saved -> refresh()).open());
        newCard.setId("new-card");
        newCard.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button newBank = new Button("New Bank Account Profile",
                e -> new BankProfileDialog(profiles, false, saved -> refresh()).open());
        newBank.setId("new-bank");
        newBank.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div actions = new Div(newCard, newBank);
        actions.addClassName("profiles-actions");
        section.add(new H2("Payment profiles"), scope, actions, alert, list);
        add(section);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        List<ProfileSummary> mine = profiles.myProfiles();
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph("You have no saved payment methods yet. Add a card or a bank account "
                    + "to pay faster next time.");
            none.setId("no-profiles");
            none.addClassName("profiles-empty");
            list.add(none);
        }
        mine.forEach(profile -> list.add(card(profile)));
    }

    private Div card(ProfileSummary profile) {
        Div card = new Div();
        card.setId("profile-" + profile.id());
        card.addClassName("profile-card");
        if (profile.primary()) {
            card.addClassName("profile-card-primary");
        }
        Div heading = new Div();
        heading.addClassName("profile-heading");
        H3 label = new H3(profile.label());
        label.addClassName("profile-label");
        heading.add(label);
        if (profile.primary()) {
            Span badge = new Span("Primary");
            badge.addClassNames("badge", "badge-primary");
            heading.add(badge);
        }
        card.add(heading);
        if (profile.nickname() != null && !profile.nickname().isBlank()) {
            card.add(line("profile-nickname", profile.nickname()));
        }
        card.add(line("profile-holder", profile.holderName()));
        if (profile.channel() == PaymentChannel.CARD) {
            card.add(line("profile-detail", "Expires %02d/%d".formatted(profile.expiryMonth(), profile.expiryYear())));
        } else {
            card.add(line("profile-detail", profile.accountType().label() + " account · routing "
                    + profile.routingNumber()));
        }
        if (!profile.usable()) {
            Div unusable = new Div(new Span("Not usable: " + (profile.statusReason() == null
                    ? "the bank refused a payment from it. Add another payment method." : profile.statusReason())));
            unusable.addClassName("profile-unusable");
            card.add(unusable);
        }

        Button edit = new Button("Edit", e -> editDialog(profile).open());
        edit.setId("profile-" + profile.id() + "-edit");
        edit.getElement().setAttribute("aria-label", "Edit " + profile.label());
        Div buttons = new Div(edit);
        buttons.addClassName("profile-buttons");
        if (!profile.primary() && profile.usable()) {
            Button makePrimary = new Button("Make primary", e -> makePrimary(profile));
            makePrimary.setId("profile-" + profile.id() + "-primary");
            makePrimary.getElement().setAttribute("aria-label", "Make " + profile.label() + " primary");
            buttons.add(makePrimary);
        }
        if (profile.usable() && AccountPage.Tab.AUTOPAY.isOffered(settings) && settings.autopay().customerMayCreate()) {
            // Starts the AutoPay wizard of this loan with this profile chosen.
            Anchor autopay = new Anchor(AccountNavigation.scheduleAutoPay(loanNumber, profile.id()), "Set up AutoPay");
            autopay.getElement().setAttribute("router-link", true);
            autopay.getElement().setAttribute("aria-label", "Set up AutoPay with " + profile.label());
            autopay.addClassName("button-link-secondary");
            autopay.setId("profile-" + profile.id() + "-autopay");
            buttons.add(autopay);
        }
        Button delete = new Button("Delete", e -> confirmDelete(profile));
        delete.setId("profile-" + profile.id() + "-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.getElement().setAttribute("aria-label", "Delete " + profile.label());
        buttons.add(delete);
        card.add(buttons);
        return card;
    }

    private static Span line(String className, String text) {
        Span span = new Span(text);
        span.addClassNames("profile-line", className);
        return span;
    }

    private void makePrimary(ProfileSummary profile) {
        alert.setVisible(false);
        try {
            ProfileSummary primary = profiles.makePrimary(profile.id());
            notify(primary.label() + " is now your primary payment method");
        } catch (ProfileRefusedException refused) {
            showAlert(refused.getMessage());
        }
        refresh();
    }

    private void confirmDelete(ProfileSummary profile) {
        alert.setVisible(false);
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("profile-delete-confirm");
        confirm.setHeader("Delete " + profile.label() + "?");
        confirm.setText("It will no longer be offered for payments. Payments already made with it are not affected.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                profiles.delete(profile.id());
                notify(profile.label() + " deleted");
            } catch (ProfileRefusedException refused) {
                showAlert(refused.getMessage());
            }
            refresh();
        });
        confirm.open();
    }

    private Dialog editDialog(ProfileSummary profile) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Edit " + profile.label());
        dialog.addClassName("profile-dialog");
        TextField nickname = new TextField("Nickname (optional)");
        nickname.setId("profile-edit-nickname");
        nickname.setMaxLength(ProfileFields.NICKNAME_MAX);
        nickname.setValue(profile.nickname() == null ? "" : profile.nickname());
        TextField holderName = new TextField(profile.channel() == PaymentChannel.CARD ? "Name on card"
                : "Account holder name");
        holderName.setId("profile-edit-name");
        holderName.setMaxLength(ProfileFields.NAME_MAX);
        holderName.setRequired(true);
        holderName.setValue(profile.holderName());
        TextField billingZip = new TextField("Billing ZIP code");
        billingZip.setId("profile-edit-zip");
        billingZip.setMaxLength(10);
        billingZip.setAutocomplete(Autocomplete.POSTAL_CODE);
        billingZip.setRequired(true);
        boolean card = profile.channel() == PaymentChannel.CARD;
        billingZip.setValue(card && profile.billingZip() != null ? profile.billingZip() : "");
        billingZip.setVisible(card);
        Div dialogAlert = new Div();
        dialogAlert.setId("profile-edit-alert");
        dialogAlert.addClassNames("alert", "alert-error", "profile-dialog-alert");
        dialogAlert.getElement().setAttribute("role", "alert");
        dialogAlert.setVisible(false);

        Map<String, TextField> fields = Map.of("nickname", nickname, "holderName", holderName, "billingZip", billingZip);
        nickname.addBlurListener(e -> show(nickname, ProfileFields.nickname(nickname.getValue())));
        holderName.addBlurListener(e -> show(holderName, ProfileFields.holderName(holderName.getValue())));
        billingZip.addBlurListener(e -> show(billingZip, ProfileFields.zip(billingZip.getValue())));
        fields.values().forEach(f -> f.setManualValidation(true));

        FormLayout form = new FormLayout(nickname, holderName, billingZip);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(dialogAlert, form);
        Button save = new Button("Save changes", e -> {
            boolean ok = show(nickname, ProfileFields.nickname(nickname.getValue()))
                    & show(holderName, ProfileFields.holderName(holderName.getValue()))
                    & (!card || show(billingZip, ProfileFields.zip(billingZip.getValue())));
            if (!ok) {
                return;
            }
            try {
                profiles.update(profile.id(), new ProfileChanges(nickname.getValue(), holderName.getValue(),
                        card ? billingZip.getValue() : null));
            } catch (ProfileRefusedException refused) {
                TextField field = refused.field() == null ? null : fields.get(refused.field());
                if (field == null) {
                    dialogAlert.setText(refused.getMessage());
                    dialogAlert.setVisible(true);
                } else {
                    show(field, Optional.of(refused.getMessage()));
                }
                return;
            }
            dialog.close();
            notify("Changes saved");
            refresh();
        });
        save.setId("profile-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("profile-edit-cancel");
        dialog.getFooter().add(cancel, save);
        return dialog;
    }

    /** Shows or clears a field's problem; true when there is none. */
    private static boolean show(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    private void showAlert(String message) {
        alert.setText(message);
        alert.setVisible(true);
    }

    private static void notify(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
