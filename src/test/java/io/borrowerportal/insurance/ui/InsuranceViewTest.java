package io.borrowerportal.insurance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import io.borrowerportal.SignIn;
import io.borrowerportal.ViewTest;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.base.ui.NotFoundView;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.document.TestFiles;
import io.borrowerportal.insurance.InsuranceFixtures;
import io.borrowerportal.insurance.InsuranceReviews;
import io.borrowerportal.insurance.InsuranceService;
import io.borrowerportal.insurance.PolicyStatus;
import io.borrowerportal.insurance.PolicyVersionSummary;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class InsuranceViewTest extends ViewTest {

    @Autowired
    InsuranceService insurance;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    SettingsService settings;
    @Autowired
    InsuranceReviews reviews;
    @Autowired
    java.time.Clock clock;

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void janes_auto_loan_shows_the_ending_soon_alert_and_her_verified_policy() {
        navigate("accounts/AUTO-100482/insurance", InsuranceView.class);

        assertThat($(Div.class).id("insurance-alert-expiring").getElement().getTextRecursively())
                .contains("ends on December 30, 2026 (in 20 days)");
        String policy = $(Div.class).id("insurance-current").getElement().getTextRecursively();
        assertThat(policy).contains("Verified", "Keystone Mutual Insurance", "KM-AUTO-448210", "$500.00");
        assertThat($(TextField.class).id("insurance-policy-number").getValue()).isEqualTo("KM-AUTO-448210");
        assertThat($(Anchor.class).id("tab-insurance").getElement().getAttribute("aria-current")).isEqualTo("page");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void the_summary_shows_the_insurance_alert_with_a_link_to_the_tab() {
        navigate("accounts/AUTO-100482/summary", io.borrowerportal.account.ui.AccountTabView.class);
        Div alert = $(Div.class).id("insurance-alert-expiring");
        assertThat(alert.getElement().getTextRecursively()).contains("ends on December 30, 2026");
        assertThat($(Anchor.class).withText("View insurance").single().getHref())
                .isEqualTo("accounts/AUTO-100482/insurance");
    }

    @Test
    @WithUserDetails("alex.latepay@example.com")
    void alexs_car_loan_without_a_policy_says_insurance_is_needed_on_the_summary() {
        navigate("accounts/AUTO-100517/summary", io.borrowerportal.account.ui.AccountTabView.class);
        assertThat($(Div.class).id("insurance-alert-missing").getElement().getTextRecursively())
                .contains("We have no insurance on file for loan AUTO-100517");
        assertThat($(Anchor.class).id("tab-insurance").getHref()).isEqualTo("accounts/AUTO-100517/insurance");
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void an_uncollateralized_loan_has_no_insurance_tab_nor_route_nor_alert() {
        navigate("accounts/PL-200731/summary", io.borrowerportal.account.ui.AccountTabView.class);
        assertThat($(Anchor.class).withId("tab-insurance").exists()).isFalse();
        assertThat($(Div.class).withClassName("insurance-alert").exists()).isFalse();
        navigate("accounts/PL-200731/insurance", NotFoundView.class);
        assertThat($(Button.class).withId("insurance-save").exists()).isFalse();
    }

    @Test
    @WithUserDetails("jane.borrower@example.com")
    void with_insurance_switched_off_the_tab_is_absent_and_the_route_not_found() {
        WebsiteSettings before = settings.current();
        asAdmin(() -> settings.update(before.withInsurance(false, before.insuranceWarnDays())));
        try {
            navigate("accounts/AUTO-100482/summary", io.borrowerportal.account.ui.AccountTabView.class);
            assertThat($(Anchor.class).withId("tab-insurance").exists()).isFalse();
            assertThat($(Div.class).withClassName("insurance-alert").exists()).isFalse();
            navigate("accounts/AUTO-100482/insurance", NotFoundView.class);
        } finally {
            asAdmin(() -> settings.update(before));
        }
    }

    @Test
    void a_loan_without_a_policy_says_so_and_the_empty_form_shows_each_error_beside_its_field() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-ui");
        SignIn.as(users, loan.borrowerEmail());
        navigate("accounts/" + loan.loanNumber() + "/insurance", InsuranceView.class);
        assertThat($(Div.class).id("insurance-alert-missing").getElement().getTextRecursively())
                .contains("We have no insurance on file");

        test($(Button.class).id("insurance-save")).click();

        assertThat($(TextField.class).id("insurance-company").getErrorMessage()).startsWith("Enter the insurance company");
        assertThat($(TextField.class).id("insurance-policy-number").isInvalid()).isTrue();
        assertThat($(TextField.class).id("insurance-phone").getErrorMessage()).startsWith("Enter the phone number");
        assertThat($(BigDecimalField.class).id("insurance-deductible").getErrorMessage()).startsWith("Enter the deductible");
        assertThat($(DatePicker.class).id("insurance-coverage-end").getErrorMessage()).startsWith("Enter the date coverage ends");
        assertThat($(TextField.class).id("insurance-agent-name").isInvalid()).as("optional").isFalse();
        assertThat(insurance.overview(loan.loanNumber()).history()).isEmpty();
    }

    @Test
    void a_card_number_and_an_end_before_the_start_are_shown_beside_their_fields_and_a_good_policy_is_saved() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-ui2");
        SignIn.as(users, loan.borrowerEmail());
        navigate("accounts/" + loan.loanNumber() + "/insurance", InsuranceView.class);
        test($(TextField.class).id("insurance-company")).setValue("Keystone Mutual");
        test($(TextField.class).id("insurance-insured-name")).setValue("Ida Insured");
        test($(TextField.class).id("insurance-policy-number")).setValue("4242 4242 4242 4242");
        test($(TextField.class).id("insurance-phone")).setValue("(555) 010-2200");
        test($(BigDecimalField.class).id("insurance-deductible")).setValue(new BigDecimal("500"));
        test($(DatePicker.class).id("insurance-coverage-start")).setValue(LocalDate.of(2027, 1, 1));
        test($(DatePicker.class).id("insurance-coverage-end")).setValue(LocalDate.of(2026, 12, 31));

        test($(Button.class).id("insurance-save")).click();
        assertThat($(TextField.class).id("insurance-policy-number").getErrorMessage()).contains("cannot hold a card number");
        assertThat($(DatePicker.class).id("insurance-coverage-end").getErrorMessage())
                .isEqualTo("Coverage end must be after coverage start.");
        assertThat(insurance.overview(loan.loanNumber()).history()).isEmpty();

        test($(TextField.class).id("insurance-policy-number")).setValue("KM-UI-1");
        test($(DatePicker.class).id("insurance-coverage-end")).setValue(LocalDate.of(2027, 12, 31));
        test($(Upload.class).id("insurance-proof")).upload("declarations.pdf", "application/pdf",
                TestFiles.pdf("Declarations " + loan.loanNumber()));
        assertThat($(Span.class).id("insurance-proof-file").getText()).contains("declarations.pdf");
        test($(Button.class).id("insurance-save")).click();

        PolicyVersionSummary saved = insurance.overview(loan.loanNumber()).latest();
        assertThat(saved.details().policyNumber()).isEqualTo("KM-UI-1");
        assertThat(saved.status()).isEqualTo(PolicyStatus.SUBMITTED);
        assertThat(saved.proofDocumentId()).isNotNull();
        assertThat($(Div.class).id("insurance-current").getElement().getTextRecursively())
                .contains("Waiting for review", "KM-UI-1", saved.proofDocumentLabel());
        assertThat($(Anchor.class).id("insurance-proof-link").getHref())
                .isEqualTo("accounts/" + loan.loanNumber() + "/documents");
        @SuppressWarnings("unchecked")
        Grid<PolicyVersionSummary> history = $(Grid.class).id("insurance-history");
        assertThat(test(history).size()).isEqualTo(1);
        assertThat($(Div.class).withId("insurance-alert-missing").exists()).as("a waiting policy is on file").isFalse();
    }

    @Test
    void a_proof_that_is_not_a_document_is_refused_beside_the_upload_and_nothing_is_saved() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-ui3");
        SignIn.as(users, loan.borrowerEmail());
        navigate("accounts/" + loan.loanNumber() + "/insurance", InsuranceView.class);
        fill(InsuranceFixtures.policy("KM-UI-3"));
        test($(Upload.class).id("insurance-proof")).upload("policy.pdf", "application/pdf",
                "MZ\u0090\u0000 This program cannot be run".getBytes(StandardCharsets.ISO_8859_1));
        test($(Button.class).id("insurance-save")).click();

        Div error = $(Div.class).id("insurance-proof-error");
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isNotBlank().doesNotContain("Exception");
        assertThat(insurance.overview(loan.loanNumber()).history()).isEmpty();
    }

    private void fill(io.borrowerportal.insurance.PolicyDetails p) {
        test($(TextField.class).id("insurance-company")).setValue(p.insuranceCompany());
        test($(TextField.class).id("insurance-insured-name")).setValue(p.insuredName());
        test($(TextField.class).id("insurance-policy-number")).setValue(p.policyNumber());
        test($(TextField.class).id("insurance-phone")).setValue(p.phone());
        test($(BigDecimalField.class).id("insurance-deductible")).setValue(p.deductible());
        test($(DatePicker.class).id("insurance-coverage-start")).setValue(p.coverageStart());
        test($(DatePicker.class).id("insurance-coverage-end")).setValue(p.coverageEnd());
    }

    @Test
    void after_a_rejected_update_the_policy_on_file_is_still_the_verified_one_and_the_form_holds_the_rejected() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-ui-rej");
        SignIn.as(users, loan.borrowerEmail());
        PolicyVersionSummary first = insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-GOOD"), null);
        SignIn.as(users, "staff@example.com");
        reviews.verify(first.id());
        SignIn.as(users, loan.borrowerEmail());
        PolicyVersionSummary second = insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-TYPO"), null);
        SignIn.as(users, "staff@example.com");
        reviews.reject(second.id(), "The policy number does not match the declarations page.");

        SignIn.as(users, loan.borrowerEmail());
        navigate("accounts/" + loan.loanNumber() + "/insurance", InsuranceView.class);
        String onFile = $(Div.class).id("insurance-current").getElement().getTextRecursively();
        assertThat(onFile).contains("KM-GOOD", "Verified").doesNotContain("KM-TYPO");
        assertThat($(Div.class).id("insurance-alert-rejected").getElement().getTextRecursively())
                .contains("does not match the declarations page");
        assertThat($(TextField.class).id("insurance-policy-number").getValue()).isEqualTo("KM-TYPO");
    }

    @Test
    void a_paid_off_loan_shows_its_policies_without_alerts_or_a_form() {
        InsuranceFixtures.Loan loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-ui-paid");
        SignIn.as(users, loan.borrowerEmail());
        insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-PAID"), null);
        LocalDate today = LocalDate.now(clock);
        SystemTask.call(() -> servicing.postPayment(loan.loanNumber(), today,
                servicing.figures(loan.loanNumber(), today).payoffAmount(), PaymentKind.REGULAR, "Paid off"));

        navigate("accounts/" + loan.loanNumber() + "/insurance", InsuranceView.class);
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("insurance-paid-off").getText())
                .contains("is paid off");
        assertThat($(Button.class).withId("insurance-save").exists()).isFalse();
        assertThat($(Div.class).withClassName("insurance-alert").exists()).isFalse();
        assertThat($(Grid.class).id("insurance-history").isVisible()).isTrue();
        navigate("accounts/" + loan.loanNumber() + "/summary", io.borrowerportal.account.ui.AccountTabView.class);
        assertThat($(Div.class).withClassName("insurance-alert").exists()).isFalse();
    }
}
