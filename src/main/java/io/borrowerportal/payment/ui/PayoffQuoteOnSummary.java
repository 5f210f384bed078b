package io.borrowerportal.payment.ui;

import com.vaadin.flow.component.Component;
import io.borrowerportal.account.AccountDetail;
import io.borrowerportal.account.ui.SummaryExtension;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.payment.PaymentService;

import java.util.List;

/** The payoff quote letter on the Summary, beside the payoff amount it explains (PRODUCT.md "Beyond"). */
@org.springframework.stereotype.Component
class PayoffQuoteOnSummary implements SummaryExtension {

    private final PaymentService payments;

    PayoffQuoteOnSummary(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public List<Component> summaryActions(AccountDetail detail) {
        if (detail.figures().status() == LoanStatus.PAID_OFF) {
            return List.of();
        }
        String loanNumber = detail.info().loanNumber();
        return List.of(PaymentTexts.pdfDownload("Payoff quote (PDF)", "summary-payoff-quote",
                "payoff-quote-" + loanNumber + ".pdf", () -> payments.payoffQuotePdf(loanNumber)));
    }
}
