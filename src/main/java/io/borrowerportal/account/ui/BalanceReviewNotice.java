package io.borrowerportal.account.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.borrowerportal.account.BalanceReviews;

/**
 * What a customer reads in place of the balance figures while the loan's balance differs from the servicing
 * system's (decision 032): a wrong number would be worse than none.
 */
class BalanceReviewNotice extends Div {

    BalanceReviewNotice(String supportPhone) {
        addClassNames("alert", "alert-info", "balance-review-notice");
        getElement().setAttribute("role", "status");
        add(new Span(BalanceReviews.notice(supportPhone)));
    }
}
