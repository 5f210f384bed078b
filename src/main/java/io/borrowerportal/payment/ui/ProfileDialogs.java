package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import io.borrowerportal.payment.PaymentRefusedException;

import java.util.Map;
import java.util.Optional;

/** What the two new-profile dialogs share: showing a problem on its field, or above the form. */
final class ProfileDialogs {

    private ProfileDialogs() {
    }

    static Div errorArea(String id) {
        Div error = new Div();
        error.setId(id);
        error.addClassNames("alert", "alert-error", "form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        return error;
    }

    /** Marks the field with the problem, or clears it; true when there is none. */
    static boolean check(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    /** A refusal goes on the field it names; one without a known field goes above the form. */
    static void show(PaymentRefusedException refused, Map<String, HasValidation> fields, Div error) {
        HasValidation field = refused.field() == null ? null : fields.get(refused.field());
        if (field != null) {
            check(field, Optional.of(refused.getMessage()));
            error.setVisible(false);
        } else {
            error.setText(refused.getMessage());
            error.setVisible(true);
        }
    }
}
