package io.borrowerportal.autopay.ui;

import com.vaadin.flow.component.html.Span;
import io.borrowerportal.autopay.AutoPayStatus;

import java.util.Locale;

/** An AutoPay status as a badge; the text carries the meaning, the colour only repeats it. */
class AutoPayBadge extends Span {

    AutoPayBadge(AutoPayStatus status) {
        super(status.label());
        addClassNames("badge", "badge-autopay-" + status.name().toLowerCase(Locale.ROOT));
    }
}
