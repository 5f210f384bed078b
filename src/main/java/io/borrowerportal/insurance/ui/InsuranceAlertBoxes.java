package io.borrowerportal.insurance.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.borrowerportal.account.ui.AccountNavigation;
import io.borrowerportal.insurance.InsuranceAlert;

import java.util.Locale;

/**
 * An insurance alert as the Summary and the Insurance tab show it: one box per alert, with a stable id by kind
 * ("insurance-alert-expiring", "-expired", "-missing", "-rejected") and the class "insurance-alert".
 */
final class InsuranceAlertBoxes {

    private InsuranceAlertBoxes() {
    }

    /** @param linkToTab whether to add "View insurance" (on the Summary; the tab itself needs no link) */
    static Div box(InsuranceAlert alert, boolean linkToTab) {
        Div box = new Div();
        box.addClassNames("alert", switch (alert.kind()) {
            case EXPIRING -> "alert-warning";
            case EXPIRED, MISSING, REJECTED -> "alert-error";
        }, "insurance-alert");
        box.setId("insurance-alert-" + alert.kind().name().toLowerCase(Locale.ROOT));
        box.getElement().setAttribute("role", "alert");
        box.add(new Span(alert.message() + " "));
        if (linkToTab) {
            Anchor view = new Anchor(AccountNavigation.tab(alert.loanNumber(), "insurance"),
                    "View insurance");
            view.getElement().setAttribute("router-link", true);
            box.add(view);
        }
        return box;
    }
}
