package io.borrowerportal.customer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.borrowerportal.base.ui.CustomerLayout;
import io.borrowerportal.base.ui.Fields;
import io.borrowerportal.base.ui.NewPasswordField;
import io.borrowerportal.common.Dates;
import io.borrowerportal.customer.ContactDetails;
import io.borrowerportal.customer.PaperlessDisclosure;
import io.borrowerportal.customer.PaperlessStatus;
import io.borrowerportal.customer.ProfileChangeRefusedException;
import io.borrowerportal.customer.ProfileDetails;
import io.borrowerportal.customer.ProfileFields;
import io.borrowerportal.customer.ProfileService;
import io.borrowerportal.security.ClientRateLimits;
import io.borrowerportal.security.PasswordPolicy;
import io.borrowerportal.security.SecondFactorNavigation;
import io.borrowerportal.security.TooManyAttemptsException;
import io.borrowerportal.security.Role;
import io.borrowerportal.settings.SettingsService;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * My profile: sign-in email, password, phone and mailing address, and paperless delivery, each a section with
 * its own button. The service decides; the page shows its refusals beside the fields. During a staff preview
 * every field is read-only and no button is shown.
 */
@Route(value = "profile", layout = CustomerLayout.class)
@PageTitle("My profile")
@RolesAllowed(Role.CUSTOMER)
class ProfileView extends Div {


    private final ProfileService profiles;
    private final ClientRateLimits rateLimits;
    private final PasswordPolicy passwordPolicy;
    private final SettingsService settings;
    private final Clock clock;
    private ProfileDetails profile;

    ProfileView(ProfileService profiles, PasswordPolicy passwordPolicy, SettingsService settings, Clock clock,
                ClientRateLimits rateLimits) {
        this.profiles = profiles;
        this.rateLimits = rateLimits;
        this.passwordPolicy = passwordPolicy;
        this.settings = settings;
        this.clock = clock;
        addClassName("my-profile");
        render();
    }

    private void render() {
        removeAll();
        profile = profiles.myProfile();
        H1 title = new H1("My profile");
        add(title);
        if (profile.readOnly()) {
            Div notice = new Div(new Span("You are previewing this page: it is read-only."));
            notice.setId("profile-read-only");
            notice.addClassNames("alert", "alert-info");
            add(notice);
        }
        add(emailSection(), passwordSection(), secondFactorSection(), contactSection(), paperlessSection());
    }

    /** The second factor has its own page (decision 018); My profile leads there. */
    private static Section secondFactorSection() {
        Section section = section("profile-second-factor", "Two-step sign-in");
        section.add(new Paragraph("Ask for a code from an authenticator app on your phone each time you sign in, so a"
                + " stolen password is not enough to get in."));
        Anchor settings = new Anchor(SecondFactorNavigation.CUSTOMER_SETTINGS_ROUTE, "Two-step sign-in settings");
        settings.setId("second-factor-link");
        section.add(settings);
        return section;
    }

    private Section emailSection() {
        Section section = section("profile-email", "Sign-in email");
        Paragraph current = new Paragraph("You sign in with " + profile.email() + ". We also send our emails there.");
        current.setId("current-email");
        section.add(current);
        if (profile.pendingEmail() != null) {
            Div pending = new Div(new Span("We sent a confirmation link to " + profile.pendingEmail()
                    + ". Your sign-in email changes when you open it (within 24 hours)."));
            pending.setId("pending-email");
            pending.addClassNames("alert", "alert-info", "my-profile-pending");
            if (!profile.readOnly()) {
                Button cancel = new Button("Cancel this change", click -> {
                    profiles.cancelEmailChange();
                    render();
                });
                cancel.setId("cancel-email-change");
                cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                pending.add(cancel);
            }
            section.add(pending);
        }
        TextField newEmail = new TextField("New email address");
        newEmail.setId("new-email");
        newEmail.setMaxLength(ProfileFields.MAX_EMAIL);
        newEmail.setAutocomplete(Autocomplete.EMAIL);
        newEmail.setHelperText("We send a link to the new address; the change happens when you open it.");
        PasswordField password = new PasswordField("Current password");
        password.setId("email-current-password");
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setHelperText("To keep your account safe, we ask for it again.");
        FormLayout form = form(newEmail, password);
        section.add(form);
        if (profile.readOnly()) {
            readOnly(newEmail, password);
            return section;
        }
        Button send = new Button("Send confirmation link", click -> {
            Fields.check(newEmail, Optional.empty());
            Fields.check(password, Optional.empty());
            try {
                // Per client address, before the current password is hashed (decision 017).
                rateLimits.check(ClientRateLimits.Endpoint.EMAIL_CHANGE, VaadinRequest.getCurrent().getRemoteAddr());
                // The box about the pending change that the page now shows is the confirmation.
                profiles.requestEmailChange(newEmail.getValue(), password.getValue());
                render();
            } catch (ProfileChangeRefusedException refused) {
                show(refused, Map.of(ProfileFields.NEW_EMAIL, newEmail, ProfileFields.CURRENT_PASSWORD, password));
            } catch (TooManyAttemptsException tooMany) {
                Fields.check(newEmail, Optional.of(tooMany.getMessage()));
            }
        });
        send.setId("request-email-change");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(buttons(send));
        return section;
    }

    private Section passwordSection() {
        Section section = section("profile-password", "Password");
        section.add(status("password-status"));
        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        NewPasswordField fresh = new NewPasswordField(passwordPolicy, () -> profile.email());
        fresh.setId("new-password");
        PasswordField confirmation = new PasswordField("Type the new password again");
        confirmation.setId("confirm-password");
        confirmation.setMaxLength(PasswordPolicy.MAX_LENGTH);
        confirmation.setAutocomplete(Autocomplete.NEW_PASSWORD);
        if (profile.readOnly()) {
            Paragraph note = new Paragraph("Only the customer can change the password.");
            note.setId("password-read-only");
            note.addClassName("field-hint");
            section.add(note);
            return section;
        }
        section.add(form(current, fresh, confirmation));
        Button change = new Button("Change password", click -> {
            Fields.check(current, Optional.empty());
            Fields.check(confirmation, Optional.empty());
            if (!fresh.validate()) {
                return;
            }
            try {
                // The current password is a guess like any sign-in's: the same bucket per client address.
                rateLimits.check(ClientRateLimits.Endpoint.SIGN_IN, VaadinRequest.getCurrent().getRemoteAddr());
                profiles.changePassword(current.getValue(), fresh.getValue(), confirmation.getValue());
                current.clear();
                fresh.clear();
                confirmation.clear();
                success("password-status", "Your password was changed. Use it the next time you sign in.");
            } catch (ProfileChangeRefusedException refused) {
                if (ProfileFields.NEW_PASSWORD.equals(refused.field())) {
                    fresh.showProblem(refused.getMessage());
                } else {
                    show(refused, Map.of(ProfileFields.CURRENT_PASSWORD, current, ProfileFields.CONFIRMATION, confirmation));
                }
            } catch (TooManyAttemptsException tooMany) {
                Fields.check(current, Optional.of(tooMany.getMessage()));
            }
        });
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(buttons(change));
        return section;
    }

    private Section contactSection() {
        Section section = section("profile-contact", "Phone and mailing address");
        section.add(status("contact-status"));
        TextField phone = field("phone", "Phone", profile.phone(), ProfileFields.MAX_PHONE, Autocomplete.TEL);
        phone.setHelperText("A US number, like (212) 555-0147");
        TextField street1 = field("street-line1", "Street address", profile.streetLine1(), ProfileFields.MAX_STREET,
                Autocomplete.ADDRESS_LINE1);
        TextField street2 = field("street-line2", "Apartment, suite, unit (optional)", profile.streetLine2(),
                ProfileFields.MAX_STREET, Autocomplete.ADDRESS_LINE2);
        TextField city = field("city", "City", profile.city(), ProfileFields.MAX_CITY, Autocomplete.ADDRESS_LEVEL2);
        TextField state = field("state", "State", profile.state(), 2, Autocomplete.ADDRESS_LEVEL1);
        state.setHelperText("Two letters, like NY");
        TextField zip = field("zip", "ZIP code", profile.zip(), ProfileFields.MAX_ZIP, Autocomplete.POSTAL_CODE);
        FormLayout form = form(phone, street1, street2, city, state, zip);
        form.setColspan(street1, 2);
        form.setColspan(street2, 2);
        section.add(form);
        if (profile.readOnly()) {
            readOnly(phone, street1, street2, city, state, zip);
            return section;
        }
        Map<String, HasValidation> fields = Map.of(ProfileFields.PHONE, phone, ProfileFields.STREET_LINE1, street1,
                ProfileFields.STREET_LINE2, street2, ProfileFields.CITY, city, ProfileFields.STATE, state,
                ProfileFields.ZIP, zip);
        Button save = new Button("Save phone and address", click -> {
            Map<String, String> problems = ContactDetails.problems(phone.getValue(), street1.getValue(),
                    street2.getValue(), city.getValue(), state.getValue(), zip.getValue());
            fields.forEach((name, field) -> Fields.check(field, Optional.ofNullable(problems.get(name))));
            if (!problems.isEmpty()) {
                return;
            }
            try {
                ContactDetails saved = new ContactDetails(phone.getValue(), street1.getValue(), street2.getValue(),
                        city.getValue(), state.getValue(), zip.getValue());
                profiles.updateContact(saved);
                render();
                success("contact-status", "Your phone number and mailing address were saved.");
            } catch (ProfileChangeRefusedException refused) {
                show(refused, fields);
            }
        });
        save.setId("save-contact");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(buttons(save));
        return section;
    }

    private Section paperlessSection() {
        Section section = section("profile-paperless", "Paperless statements and notices");
        section.add(status("paperless-status-message"));
        PaperlessStatus paperless = profile.paperless();
        Paragraph state = new Paragraph(paperlessState(paperless));
        state.setId("paperless-status");
        state.addClassName("paperless-state");
        Div disclosure = new Div();
        disclosure.setId("paperless-disclosure");
        disclosure.addClassName("paperless-disclosure");
        // It scrolls on a small screen, so a keyboard must be able to reach it (WCAG 2.1.1).
        disclosure.getElement().setAttribute("tabindex", "0");
        disclosure.getElement().setAttribute("role", "region");
        disclosure.getElement().setAttribute("aria-label", "Paperless disclosure");
        for (PaperlessDisclosure.Part part : PaperlessDisclosure.parts(settings.current())) {
            H3 heading = new H3(part.heading());
            heading.addClassName("paperless-heading");
            disclosure.add(heading, new Paragraph(part.text()));
        }
        Paragraph version = new Paragraph("Disclosure version " + PaperlessDisclosure.VERSION + ".");
        version.addClassName("field-hint");
        disclosure.add(version);
        section.add(state, disclosure);
        if (profile.readOnly()) {
            return section;
        }
        if (paperless.consented()) {
            Button withdraw = new Button("Go back to paper", click -> {
                try {
                    profiles.withdrawPaperless();
                    render();
                    success("paperless-status-message", "From now on we mail your statements and notices on paper.");
                } catch (ProfileChangeRefusedException refused) {
                    render();
                }
            });
            withdraw.setId("paperless-withdraw");
            section.add(buttons(withdraw));
            return section;
        }
        Checkbox agree = new Checkbox("I have read the disclosure above, I can open PDF files on this device, and I "
                + "agree to receive my statements and notices electronically.");
        agree.setId("paperless-agree");
        Button consent = new Button("Go paperless", click -> {
            if (!agree.getValue()) {
                Fields.check(agree, Optional.of("Tick the box to confirm you read the disclosure and agree."));
                return;
            }
            try {
                profiles.consentToPaperless(PaperlessDisclosure.VERSION);
                render();
                success("paperless-status-message", "Done: we will email you when a statement or notice is ready.");
            } catch (ProfileChangeRefusedException refused) {
                Fields.check(agree, Optional.of(refused.getMessage()));
            }
        });
        consent.setId("paperless-consent");
        consent.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        agree.addValueChangeListener(change -> {
            if (change.getValue()) {
                Fields.check(agree, Optional.empty());
            }
        });
        section.add(agree, buttons(consent));
        return section;
    }

    private String paperlessState(PaperlessStatus paperless) {
        if (paperless.consented()) {
            return "You receive statements and notices electronically, since " + when(paperless.consentedAt())
                    + " (disclosure version " + paperless.disclosureVersion() + ").";
        }
        if (paperless.withdrawnAt() != null) {
            return "You receive statements and notices on paper. You withdrew your consent to electronic delivery on "
                    + when(paperless.withdrawnAt()) + ".";
        }
        return "You receive statements and notices on paper.";
    }

    private String when(Instant instant) {
        return Dates.LONG_STAMP.format(instant.atZone(clock.getZone()));
    }

    private static Section section(String id, String heading) {
        Section section = new Section(new H2(heading));
        section.setId(id);
        section.addClassName("my-profile-section");
        return section;
    }

    private static Div status(String id) {
        Div status = new Div();
        status.setId(id);
        status.addClassNames("alert", "alert-success");
        status.getElement().setAttribute("role", "status");
        status.setVisible(false);
        return status;
    }

    /** Shows a success message in the (re-rendered) section's status box. */
    private void success(String id, String message) {
        getChildren().flatMap(Component::getChildren)
                .filter(child -> id.equals(child.getId().orElse(null)))
                .findFirst().ifPresent(found -> {
                    Div status = (Div) found;
                    status.setText(message);
                    status.setVisible(true);
                });
    }

    private static TextField field(String id, String label, String value, int maxLength, Autocomplete autocomplete) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setValue(value == null ? "" : value);
        field.setMaxLength(maxLength);
        field.setAutocomplete(autocomplete);
        return field;
    }

    private static FormLayout form(Component... fields) {
        FormLayout form = new FormLayout(fields);
        form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
        form.addClassName("my-profile-form");
        return form;
    }

    private static Div buttons(Button... buttons) {
        Div row = new Div(buttons);
        row.addClassName("my-profile-buttons");
        return row;
    }

    private static void readOnly(TextField... fields) {
        for (TextField field : fields) {
            field.setReadOnly(true);
        }
    }

    private static void readOnly(TextField email, PasswordField password) {
        email.setReadOnly(true);
        password.setReadOnly(true);
    }

    private static void show(ProfileChangeRefusedException refused, Map<String, ? extends HasValidation> fields) {
        HasValidation field = fields.get(refused.field());
        if (field == null) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Fields.check(field, Optional.of(refused.getMessage()));
    }
}
