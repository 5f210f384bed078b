package io.borrowerportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame of a wizard page: the numbered list of steps, one alert for the service's refusal, and one
 * panel per step of which only the current one shows, which keeps each step short on a phone. The page
 * fills the panels; the wizard only knows which one is showing.
 */
public final class Wizard {

    private final List<String> stepNames;
    private final OrderedList stepList = new OrderedList();
    private final Div error = new Div();
    private final List<Div> panels = new ArrayList<>();
    private int current;

    /**
     * @param label    what a screen reader calls the list of steps, such as "Payment steps"
     * @param errorId  the id of the alert, for tests
     * @param stepNames the names in the list of steps; there may be more names than panels (a last step
     *                 such as the receipt may be a page of its own)
     */
    public Wizard(String label, String errorId, String... stepNames) {
        this.stepNames = List.of(stepNames);
        stepList.addClassName("wizard-steps");
        stepList.getElement().setAttribute("aria-label", label);
        error.setId(errorId);
        error.addClassNames("alert", "alert-error", "form-error");
        error.getElement().setAttribute("role", "alert");
    }

    /** The next step's panel, in the order of the steps. */
    public Div panel(String id) {
        Div panel = new Div();
        panel.setId(id);
        panel.addClassName("wizard-panel");
        panels.add(panel);
        return panel;
    }

    /**
     * Empties every panel, for a page that fills them again: Vaadin keeps a view when its own route is opened
     * again (a link to the page it is on), and the page must not end up with two of each control.
     */
    public void clear() {
        panels.forEach(Div::removeAll);
    }

    /** The list of steps, the alert and the panels, in that order, to add to the page. */
    public Component[] parts() {
        List<Component> parts = new ArrayList<>(List.of(stepList, error));
        parts.addAll(panels);
        return parts.toArray(Component[]::new);
    }

    /** Shows step {@code number} (from 1), marks the steps before it done, and clears the alert. */
    public void show(int number) {
        current = number;
        error.setText("");
        error.setVisible(false);
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).setVisible(i + 1 == number);
        }
        stepList.removeAll();
        for (int i = 0; i < stepNames.size(); i++) {
            ListItem item = new ListItem(stepNames.get(i));
            item.addClassName("wizard-step");
            if (i + 1 == number) {
                item.addClassName("current");
                item.getElement().setAttribute("aria-current", "step");
            } else if (i + 1 < number) {
                item.addClassName("done");
            }
            stepList.add(item);
        }
    }

    /** The step showing now, from 1. */
    public int current() {
        return current;
    }

    /** Shows the message in the alert above the steps. */
    public void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** A row of a step's buttons. */
    public static Div actions(Component... buttons) {
        Div actions = new Div(buttons);
        actions.addClassName("wizard-actions");
        return actions;
    }
}
