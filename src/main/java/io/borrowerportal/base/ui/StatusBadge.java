package io.borrowerportal.base.ui;

import com.vaadin.flow.component.html.Span;
import io.borrowerportal.ledger.LoanStatus;

/** A loan status as a coloured badge whose text, not its colour, carries the meaning. */
public class StatusBadge extends Span {

    public StatusBadge(LoanStatus status) {
        super(label(status));
        addClassNames("badge", "badge-" + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    public static String label(LoanStatus status) {
        return switch (status) {
            case CURRENT -> "Current";
            case PAST_DUE -> "Past due";
            case PAID_OFF -> "Paid off";
        };
    }
}
