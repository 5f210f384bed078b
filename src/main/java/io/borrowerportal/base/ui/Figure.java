package io.borrowerportal.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A labelled figure: a small caption above a value, with an optional note below. */
public class Figure extends Div {

    public Figure(String label, String value) {
        this(label, value, null);
    }

    public Figure(String label, String value, String note) {
        addClassName("figure");
        Span caption = new Span(label);
        caption.addClassName("figure-label");
        Span text = new Span(value);
        text.addClassName("figure-value");
        add(caption, text);
        if (note != null) {
            Span small = new Span(note);
            small.addClassName("figure-note");
            add(small);
        }
    }
}
