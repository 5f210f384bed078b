package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.ui.SummaryExtension;
import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.payment.PaymentService;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the payment feature adds to the Summary: a note when the balance includes bank payments that have
 * not settled yet, and the payoff quote letter beside the payoff amount it explains.
 */
@org.springframework.stereotype.Component
class PaymentsOnSummary implements SummaryExtension {

    private final PaymentService payments;

    PaymentsOnSummary(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public List<Component> summaryActions(AccountDetail detail) {
        String loanNumber = detail.info().loanNumber();
        List<Component> actions = new ArrayList<>();
        BigDecimal pending = payments.pendingAmount(loanNumber);
        if (pending.signum() > 0) {
            Paragraph note = new Paragraph("The balance includes " + Money.format(pending) + " in bank payments "
                    + "still pending: they settle in about 2 business days, unless your bank returns them.");
            note.setId("summary-pending");
            note.addClassName("summary-pending");
            actions.add(note);
        }
        // Under review the payoff is not quoted (decision 032); the Summary shows the notice instead.
        if (detail.figures().status() != LoanStatus.PAID_OFF && !detail.info().balanceUnderReview()) {
            actions.add(PaymentTexts.pdfDownload("Payoff quote (PDF)", "summary-payoff-quote",
                    "payoff-quote-" + loanNumber + ".pdf", () -> payments.payoffQuotePdf(loanNumber)));
        }
        return actions;
    }
}
