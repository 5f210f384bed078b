package io.borrowerportal.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.binder.HasItemComponents;

import java.util.Optional;
import java.util.function.Function;

/** Showing a problem on the field it belongs to, the same way on every form. */
public final class Fields {

    private Fields() {
    }

    /** Marks the field with the problem, or clears it; true when there is none. */
    public static boolean check(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    /** Ids on the radio buttons themselves, so a browser test can pick an option without its label text. */
    @SuppressWarnings("unchecked")
    public static <T> void itemIds(RadioButtonGroup<T> group, Function<T, String> id) {
        group.getChildren().forEach(child -> {
            if (child instanceof HasItemComponents.ItemComponent<?> item) {
                child.setId(id.apply((T) item.getItem()));
            }
        });
    }
}
