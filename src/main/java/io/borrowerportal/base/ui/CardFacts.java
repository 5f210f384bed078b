package io.borrowerportal.base.ui;

import com.vaadin.flow.component.html.Span;

/** The badges and "Label: value" facts of a card on a staff list page (Users, API clients). */
public final class CardFacts {

    private CardFacts() {
    }

    /** A coloured badge; {@code variant} is one of portal.css's badge classes, such as "badge-admin". */
    public static Span badge(String text, String variant, String id) {
        Span badge = new Span(text);
        badge.addClassNames("badge", variant);
        badge.setId(id);
        return badge;
    }

    public static Span fact(String label, String value, String id) {
        Span fact = new Span(label + ": " + value);
        fact.addClassName("staff-user-fact");
        fact.setId(id);
        return fact;
    }
}
