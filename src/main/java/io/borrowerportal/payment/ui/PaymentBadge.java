package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.html.Span;
import io.borrowerportal.payment.PaymentStatus;

import java.util.Locale;

/** A payment status as a badge; the text carries the meaning, the colour only repeats it. */
class PaymentBadge extends Span {

    PaymentBadge(PaymentStatus status) {
        super(status.label());
        addClassNames("badge", "badge-payment", "badge-payment-" + status.name().toLowerCase(Locale.ROOT));
    }
}
