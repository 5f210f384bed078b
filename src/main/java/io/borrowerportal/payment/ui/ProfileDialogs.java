package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.HasValidation;

import java.util.Optional;

/** Showing a problem on the field it belongs to, the same way on every payment form. */
final class ProfileDialogs {

    private ProfileDialogs() {
    }

    /** Marks the field with the problem, or clears it; true when there is none. */
    static boolean check(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }
}
