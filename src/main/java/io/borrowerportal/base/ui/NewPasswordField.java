package io.borrowerportal.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.borrowerportal.security.PasswordPolicy;
import io.borrowerportal.security.PasswordPolicy.Assessment;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A field for a new password that explains, as the customer types, whether the password will be accepted
 * and how strong it is, in the words of {@link PasswordPolicy}. The service checks the policy again; the
 * field only explains it.
 */
public class NewPasswordField extends Composite<Div> {

    private final PasswordField field = new PasswordField("New password");
    private final ProgressBar meter = new ProgressBar(0, 4, 0);
    private final Span explanation = new Span();
    private final PasswordPolicy policy;
    private final Supplier<String> email;

    /** {@code email} is the account's email as it will be when the password is saved. */
    public NewPasswordField(PasswordPolicy policy, Supplier<String> email) {
        this.policy = policy;
        this.email = email;
        field.setMaxLength(PasswordPolicy.MAX_LENGTH);
        field.setWidthFull();
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(250);
        field.setAutocomplete(Autocomplete.NEW_PASSWORD);
        field.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters. A few unrelated words make a good one.");
        field.addValueChangeListener(change -> explain());
        meter.addClassName("password-meter");
        meter.getElement().setAttribute("aria-hidden", "true");
        explanation.addClassName("password-explanation");
        explanation.getElement().setAttribute("aria-live", "polite");
        getContent().addClassName("new-password");
        getContent().add(field, meter, explanation);
        meter.setVisible(false);
    }

    public void setId(String id) {
        field.setId(id);
        explanation.setId(id + "-explanation");
    }

    public void setLabel(String label) {
        field.setLabel(label);
    }

    public String getValue() {
        return field.getValue();
    }

    public void clear() {
        field.clear();
        meter.setVisible(false);
        explanation.setText("");
        field.setInvalid(false);
    }

    /** Shows why the password cannot be used (from the service, or the policy) on the field; true when it can. */
    public boolean validate() {
        Assessment assessment = explain();
        return Fields.check(field, assessment.acceptable() ? Optional.empty()
                : Optional.of(assessment.explanation()));
    }

    /** Marks the field with a refusal the service gave. */
    public void showProblem(String problem) {
        Fields.check(field, Optional.of(problem));
    }

    public void focus() {
        field.focus();
    }

    private Assessment explain() {
        Assessment assessment = policy.assess(field.getValue(), email.get());
        boolean typed = !field.getValue().isEmpty();
        meter.setVisible(typed);
        meter.setValue(switch (assessment.strength()) {
            case TOO_SHORT, REFUSED -> 0.5;
            case ACCEPTABLE -> 2;
            case GOOD -> 3;
            case STRONG -> 4;
        });
        meter.getElement().getThemeList().clear();
        meter.getElement().getThemeList().add(assessment.acceptable() ? "success" : "error");
        explanation.setText(typed ? assessment.explanation() : "");
        if (assessment.acceptable()) {
            field.setInvalid(false);
        }
        return assessment;
    }
}
