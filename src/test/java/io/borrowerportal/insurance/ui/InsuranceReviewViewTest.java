package io.borrowerportal.insurance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import io.borrowerportal.SignIn;
import io.borrowerportal.ViewTest;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.insurance.InsuranceFixtures;
import io.borrowerportal.insurance.InsuranceService;
import io.borrowerportal.insurance.PolicyStatus;
import io.borrowerportal.insurance.PolicyVersionSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class InsuranceReviewViewTest extends ViewTest {

    @Autowired
    InsuranceService insurance;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;

    @Test
    @WithUserDetails("staff@example.com")
    void staff_see_the_submission_and_verify_it() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-rv");
        PolicyVersionSummary submitted = asCustomer(loan, () ->
                insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-RV-1"), null));

        navigate("staff/insurance", InsuranceReviewView.class);
        assertThat($(Div.class).id("review-" + submitted.id()).getElement().getTextRecursively())
                .contains("Loan " + loan.loanNumber(), loan.borrowerEmail(), "Keystone Mutual", "KM-RV-1",
                        "$500.00", "December 1, 2026 to December 1, 2027", "None attached");
        test($(Button.class).id("verify-" + submitted.id())).click();

        assertThat($(Div.class).withId("review-" + submitted.id()).exists()).isFalse();
        assertThat(asCustomer(loan, () -> insurance.overview(loan.loanNumber()).latest().status()))
                .isEqualTo(PolicyStatus.VERIFIED);
    }

    @Test
    @WithUserDetails("staff@example.com")
    void a_rejection_needs_a_reason_which_the_customer_then_sees() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-rj");
        PolicyVersionSummary submitted = asCustomer(loan, () ->
                insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-RJ-1"), null));

        navigate("staff/insurance", InsuranceReviewView.class);
        test($(Button.class).id("reject-" + submitted.id())).click();
        test($(Button.class).id("insurance-reject-confirm")).click();
        TextArea reason = $(TextArea.class).id("insurance-reject-reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).startsWith("Enter the reason");
        assertThat(asCustomer(loan, () -> insurance.overview(loan.loanNumber()).latest().status()))
                .isEqualTo(PolicyStatus.SUBMITTED);

        test(reason).setValue("The declarations page shows another vehicle.");
        test($(Button.class).id("insurance-reject-confirm")).click();
        assertThat($(Div.class).withId("review-" + submitted.id()).exists()).isFalse();
        PolicyVersionSummary seen = asCustomer(loan, () -> insurance.overview(loan.loanNumber()).latest());
        assertThat(seen.status()).isEqualTo(PolicyStatus.REJECTED);
        assertThat(seen.rejectionReason()).isEqualTo("The declarations page shows another vehicle.");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void a_customer_cannot_open_the_review_queue() {
        navigate("staff/insurance", NotFoundView.class);
        assertThat($(Div.class).withId("insurance-queue").exists()).isFalse();
    }

    private <T> T asCustomer(InsuranceFixtures.Loan loan, Supplier<T> work) {
        SecurityContext own = SecurityContextHolder.getContext();
        SignIn.as(users, loan.borrowerEmail());
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(own);
        }
    }
}
