package io.borrowerportal.insurance;

import io.borrowerportal.ServiceTest;
import io.borrowerportal.SignIn;
import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.account.LoanServicing;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.customer.CustomerService;
import io.borrowerportal.document.DocumentService;
import io.borrowerportal.document.DocumentSummary;
import io.borrowerportal.document.FileContent;
import io.borrowerportal.document.TestFiles;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.notification.Mailer;
import io.borrowerportal.notification.OutboxMessage;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InsuranceServiceTest extends ServiceTest {

    private static final String JANE = "jane.borrower@example.com";
    private static final String JANES_PERSONAL_LOAN = "PL-200731";
    private static final String ALEXS_LOAN = "PL-200988";

    @Autowired
    InsuranceService insurance;
    @Autowired
    InsuranceReviews reviews;
    @Autowired
    DocumentService documents;
    @Autowired
    CustomerService customers;
    @Autowired
    LoanServicing servicing;
    @Autowired
    PreviewService previews;
    @Autowired
    SettingsService settings;
    @Autowired
    Mailer mailer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private InsuranceFixtures.Loan loan;

    @BeforeEach
    void freshLoan() {
        loan = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins");
    }

    @Test
    void a_submitted_policy_waits_for_review_and_the_co_borrower_sees_it() {
        SignIn.as(users, loan.borrowerEmail());
        PolicyVersionSummary saved = insurance.submit(loan.loanNumber(), new PolicyDetails("  Keystone Mutual ",
                "Ida Insured", "  ", "KM 4482-10", "555.010.2200", new BigDecimal("250"), LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 6, 1)), null);

        assertThat(saved.status()).isEqualTo(PolicyStatus.SUBMITTED);
        assertThat(saved.versionNumber()).isEqualTo(1);
        assertThat(saved.details().insuranceCompany()).isEqualTo("Keystone Mutual");
        assertThat(saved.details().agentName()).isNull();
        assertThat(saved.submittedBy()).startsWith("Ida Insured");

        SignIn.as(users, loan.coBorrowerEmail());
        InsuranceOverview seen = insurance.overview(loan.loanNumber());
        assertThat(seen.latest().id()).isEqualTo(saved.id());
        assertThat(seen.history()).extracting(PolicyVersionSummary::status).containsExactly(PolicyStatus.SUBMITTED);
        assertThat(audited(loan.loanNumber(), AuditAction.INSURANCE_SUBMITTED)).isEqualTo(1);
    }

    @Test
    void every_version_is_kept_and_a_newer_submission_replaces_one_still_waiting() {
        SignIn.as(users, loan.borrowerEmail());
        PolicyVersionSummary first = insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-1"), null);
        SignIn.as(users, "staff@example.com");
        reviews.verify(first.id());
        SignIn.as(users, loan.borrowerEmail());
        PolicyVersionSummary second = insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-2"), null);
        SignIn.as(users, loan.coBorrowerEmail());
        PolicyVersionSummary third = insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-3"), null);

        List<PolicyVersionSummary> history = insurance.overview(loan.loanNumber()).history();
        assertThat(history).extracting(v -> v.versionNumber() + " " + v.details().policyNumber() + " " + v.status())
                .containsExactly("3 KM-3 SUBMITTED", "2 KM-2 SUPERSEDED", "1 KM-1 VERIFIED");
        assertThat(history.getFirst().submittedBy()).startsWith("Cole Insured");

        SignIn.as(users, "staff@example.com");
        assertThat(reviews.queue()).extracting(item -> item.version().id()).contains(third.id())
                .doesNotContain(first.id(), second.id());
        assertThatThrownBy(() -> reviews.verify(second.id())).isInstanceOf(InsuranceRefusedException.class)
                .hasMessageContaining("replaced by a newer submission");
        assertThatThrownBy(() -> reviews.verify(first.id())).isInstanceOf(InsuranceRefusedException.class)
                .hasMessageContaining("already verified");
        // The fields of a version are never rewritten: version 1 still reads as submitted.
        assertThat(jdbc.queryForObject("select policy_number from insurance_policy_versions where id = ?", String.class,
                first.id())).isEqualTo("KM-1");
    }

    @Test
    void a_coverage_end_before_its_start_is_refused_and_nothing_is_stored() {
        SignIn.as(users, loan.borrowerEmail());
        assertThatThrownBy(() -> insurance.submit(loan.loanNumber(),
                InsuranceFixtures.policy("KM-9", LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 31)), null))
                .isInstanceOfSatisfying(InsuranceRefusedException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("coverageEnd");
                    assertThat(refused.problems()).containsOnlyKeys("coverageEnd");
                    assertThat(refused.getMessage()).isEqualTo("Coverage end must be after coverage start.");
                });
        assertThatThrownBy(() -> insurance.submit(loan.loanNumber(),
                InsuranceFixtures.policy("KM-9", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1)), null))
                .isInstanceOf(InsuranceRefusedException.class).hasMessage("Coverage end must be after coverage start.");
        assertThat(versions()).isZero();
    }

    @Test
    void a_policy_number_holding_a_card_number_is_refused_but_a_long_policy_number_is_not() {
        SignIn.as(users, loan.borrowerEmail());
        for (String cardLike : List.of("4242424242424242", "POL 4242 4242 4242 4242", "4111-1111-1111-1", "1234567890123")) {
            assertThatThrownBy(() -> insurance.submit(loan.loanNumber(), InsuranceFixtures.policy(cardLike), null))
                    .as(cardLike)
                    .isInstanceOfSatisfying(InsuranceRefusedException.class, refused -> {
                        assertThat(refused.field()).isEqualTo("policyNumber");
                        assertThat(refused.getMessage()).contains("cannot hold a card number").doesNotContain(cardLike);
                    });
        }
        assertThat(versions()).isZero();
        assertThat(insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-123456789012"), null).status())
                .isEqualTo(PolicyStatus.SUBMITTED);
    }

    @Test
    void no_text_field_of_a_policy_keeps_a_card_number_however_its_digits_are_grouped() {
        SignIn.as(users, loan.borrowerEmail());
        PolicyDetails base = InsuranceFixtures.policy("KM-5");
        Map<String, PolicyDetails> cardLike = Map.of(
                "policyNumber", new PolicyDetails(base.insuranceCompany(), base.insuredName(), base.agentName(),
                        "4111.1111.1111.1111", base.phone(), base.deductible(), base.coverageStart(), base.coverageEnd()),
                "insuranceCompany", new PolicyDetails("Visa 4111111111111111", base.insuredName(), base.agentName(),
                        base.policyNumber(), base.phone(), base.deductible(), base.coverageStart(), base.coverageEnd()),
                "insuredName", new PolicyDetails(base.insuranceCompany(), "Ida 4111/1111/1111/1111", base.agentName(),
                        base.policyNumber(), base.phone(), base.deductible(), base.coverageStart(), base.coverageEnd()),
                "agentName", new PolicyDetails(base.insuranceCompany(), base.insuredName(), "Dana 4111 1111 1111 1111",
                        base.policyNumber(), base.phone(), base.deductible(), base.coverageStart(), base.coverageEnd()));
        cardLike.forEach((field, details) -> assertThatThrownBy(() -> insurance.submit(loan.loanNumber(), details, null))
                .as(field)
                .isInstanceOfSatisfying(InsuranceRefusedException.class, refused -> {
                    assertThat(refused.problems()).containsOnlyKeys(field);
                    assertThat(refused.getMessage()).contains("cannot hold a card number").doesNotContain("1111");
                }));
        assertThat(versions()).isZero();
    }

    @Test
    void a_paid_off_loan_has_no_insurance_alerts_and_takes_no_new_policy() {
        SignIn.as(users, loan.borrowerEmail());
        assertThat(insurance.overview(loan.loanNumber()).alerts()).extracting(InsuranceAlert::kind)
                .containsExactly(InsuranceAlertKind.MISSING);
        LocalDate today = LocalDate.now(clock);
        SystemTask.call(() -> servicing.postPayment(loan.loanNumber(), today,
                servicing.figures(loan.loanNumber(), today).payoffAmount(), PaymentKind.REGULAR, "Paid off"));

        InsuranceOverview seen = insurance.overview(loan.loanNumber());
        assertThat(seen.paidOff()).isTrue();
        assertThat(seen.alerts()).isEmpty();
        assertThat(insurance.alerts(loan.loanNumber(), LoanStatus.PAID_OFF)).isEmpty();
        assertThatThrownBy(() -> insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-LATE"), null))
                .isInstanceOf(InsuranceRefusedException.class).hasMessageContaining("is paid off");
        assertThat(versions()).isZero();
    }

    @Test
    void missing_fields_are_each_named_with_their_own_message() {
        SignIn.as(users, loan.borrowerEmail());
        assertThatThrownBy(() -> insurance.submit(loan.loanNumber(), PolicyDetails.blank(), null))
                .isInstanceOfSatisfying(InsuranceRefusedException.class, refused -> {
                    assertThat(refused.problems()).containsOnlyKeys("insuranceCompany", "insuredName", "policyNumber",
                            "phone", "deductible", "coverageStart", "coverageEnd");
                    assertThat(refused.problems().get("policyNumber")).startsWith("Enter the policy number");
                    assertThat(refused.problems().get("deductible")).startsWith("Enter the deductible");
                    assertThat(refused.field()).isEqualTo("insuranceCompany");
                });
        assertThat(versions()).isZero();
    }

    @Test
    void phone_deductible_lengths_and_dates_are_checked_on_the_server() {
        SignIn.as(users, loan.borrowerEmail());
        PolicyDetails good = InsuranceFixtures.policy("KM-7");
        assertRefused(withPhone(good, "555-0101"), "phone", "US number with area code");
        assertRefused(withPhone(good, "call (555) 010-2200"), "phone", "US number with area code");
        assertRefused(withDeductible(good, new BigDecimal("-1")), "deductible", "cannot be negative");
        assertRefused(withDeductible(good, new BigDecimal("100000.01")), "deductible", "at most $100,000.00");
        assertRefused(withDeductible(good, new BigDecimal("12.345")), "deductible", "two decimals");
        assertRefused(new PolicyDetails("K".repeat(InsuranceFields.COMPANY_MAX + 1), "Ida", null, "KM-7",
                "5550102200", BigDecimal.TEN, good.coverageStart(), good.coverageEnd()), "insuranceCompany", "at most 100");
        assertRefused(new PolicyDetails("Keystone\nBcc: x@y", "Ida", null, "KM-7", "5550102200", BigDecimal.TEN,
                good.coverageStart(), good.coverageEnd()), "insuranceCompany", "on one line");
        assertRefused(InsuranceFixtures.policy("KM-7", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)),
                "coverageEnd", "already ended");
        assertRefused(InsuranceFixtures.policy("KM-7", LocalDate.of(2026, 12, 1), LocalDate.of(2036, 12, 1)),
                "coverageEnd", "at most 5 years");
        assertThat(versions()).isZero();
        assertThat(insurance.submit(loan.loanNumber(), withPhone(withDeductible(good, BigDecimal.ZERO), "+1 555 010 2200"),
                null).details().deductible()).isEqualByComparingTo("0");
    }

    @Test
    void jane_cannot_read_or_submit_on_another_customers_loan() {
        SignIn.as(users, JANE);
        assertThatThrownBy(() -> insurance.overview(loan.loanNumber())).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-X"), null))
                .isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> insurance.overview(ALEXS_LOAN)).isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> insurance.submit(ALEXS_LOAN, InsuranceFixtures.policy("KM-X"), null))
                .isInstanceOf(AccountNotFoundException.class);
        assertThat(versions()).isZero();
    }

    @Test
    void a_staff_preview_can_read_but_not_submit() {
        SignIn.as(users, "staff@example.com");
        previews.start(loan.borrowerId(), context -> { });
        assertThat(insurance.overview(loan.loanNumber()).history()).isEmpty();
        assertThatThrownBy(() -> insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-P"), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(versions()).isZero();
    }

    @Test
    void an_uncollateralized_loan_has_no_insurance() {
        SignIn.as(users, JANE);
        assertThatThrownBy(() -> insurance.overview(JANES_PERSONAL_LOAN)).isInstanceOf(InsuranceRefusedException.class)
                .hasMessageContaining("has no collateral");
        assertThatThrownBy(() -> insurance.submit(JANES_PERSONAL_LOAN, InsuranceFixtures.policy("KM-U"), null))
                .isInstanceOf(InsuranceRefusedException.class);
        assertThat(jdbc.queryForObject("select count(*) from insurance_policy_versions where loan_number = ?",
                Integer.class, JANES_PERSONAL_LOAN)).isZero();
    }

    @Test
    void insurance_switched_off_by_the_lender_is_refused() {
        WebsiteSettings before = settings.current();
        SignIn.as(users, "admin@example.com");
        settings.update(before.withInsurance(false, before.insuranceWarnDays()));
        try {
            SignIn.as(users, loan.borrowerEmail());
            assertThatThrownBy(() -> insurance.overview(loan.loanNumber())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-O"), null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(versions()).isZero();
        } finally {
            SignIn.as(users, "admin@example.com");
            settings.update(before);
        }
    }

    @Test
    void staff_reject_with_a_reason_the_customers_see_and_are_emailed() {
        SignIn.as(users, loan.borrowerEmail());
        PolicyVersionSummary submitted = insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-R"), null);

        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> reviews.reject(submitted.id(), "   ")).isInstanceOfSatisfying(
                InsuranceRefusedException.class, refused -> assertThat(refused.field()).isEqualTo("reason"));
        PolicyVersionSummary rejected = reviews.reject(submitted.id(), " The policy number does not match the card. ");
        assertThat(rejected.status()).isEqualTo(PolicyStatus.REJECTED);
        assertThat(rejected.reviewedBy()).isEqualTo("staff@example.com");
        assertThatThrownBy(() -> reviews.verify(submitted.id())).isInstanceOf(InsuranceRefusedException.class)
                .hasMessageContaining("already rejected");

        SignIn.as(users, loan.coBorrowerEmail());
        InsuranceOverview seen = insurance.overview(loan.loanNumber());
        assertThat(seen.latest().rejectionReason()).isEqualTo("The policy number does not match the card.");
        assertThat(seen.alerts()).extracting(InsuranceAlert::kind)
                .containsExactly(InsuranceAlertKind.REJECTED, InsuranceAlertKind.MISSING);
        assertThat(seen.alerts().getFirst().message()).contains("The policy number does not match the card.");

        for (String email : List.of(loan.borrowerEmail(), loan.coBorrowerEmail())) {
            List<OutboxMessage> mail = SystemTask.call(() -> mailer.recent(email, 10));
            assertThat(mail).extracting(OutboxMessage::subject)
                    .containsExactly("Insurance policy not accepted: loan " + loan.loanNumber());
            assertThat(mail.getFirst().body()).contains("Reason: The policy number does not match the card.");
        }
        assertThat(audited(loan.loanNumber(), AuditAction.INSURANCE_REJECTED)).isEqualTo(1);
    }

    @Test
    void staff_verify_and_the_alert_follows_the_verified_policy() {
        SignIn.as(users, loan.borrowerEmail());
        PolicyVersionSummary submitted = insurance.submit(loan.loanNumber(),
                InsuranceFixtures.policy("KM-V", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 30)), null);
        assertThat(insurance.alerts(loan.loanNumber(), LoanStatus.CURRENT)).extracting(InsuranceAlert::kind)
                .containsExactly(InsuranceAlertKind.EXPIRING);

        SignIn.as(users, "staff@example.com");
        assertThat(reviews.verify(submitted.id()).status()).isEqualTo(PolicyStatus.VERIFIED);
        SignIn.as(users, loan.borrowerEmail());
        InsuranceOverview seen = insurance.overview(loan.loanNumber());
        assertThat(seen.latest().status()).isEqualTo(PolicyStatus.VERIFIED);
        assertThat(seen.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(InsuranceAlertKind.EXPIRING);
            assertThat(alert.message()).contains("ends on December 30, 2026 (in 20 days)");
        });
        assertThat(audited(loan.loanNumber(), AuditAction.INSURANCE_VERIFIED)).isEqualTo(1);
    }

    @Test
    void the_review_queue_lists_submissions_oldest_first() {
        InsuranceFixtures.Loan other = InsuranceFixtures.collateralizedLoan(customers, servicing, "ins-q");
        SignIn.as(users, loan.borrowerEmail());
        PolicyVersionSummary older = insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-Q1"), null);
        SignIn.as(users, other.borrowerEmail());
        PolicyVersionSummary newer = insurance.submit(other.loanNumber(), InsuranceFixtures.policy("KM-Q2"), null);

        SignIn.as(users, "staff@example.com");
        List<ReviewItem> queue = reviews.queue();
        List<Long> ids = queue.stream().map(item -> item.version().id()).toList();
        assertThat(ids).contains(older.id(), newer.id());
        assertThat(ids.indexOf(older.id())).isLessThan(ids.indexOf(newer.id()));
        for (int i = 1; i < queue.size(); i++) {
            assertThat(queue.get(i).version().submittedAt()).isAfterOrEqualTo(queue.get(i - 1).version().submittedAt());
        }
        ReviewItem mine = queue.get(ids.indexOf(older.id()));
        assertThat(mine.customerEmail()).isEqualTo(loan.borrowerEmail());
        assertThat(mine.version().loanNumber()).isEqualTo(loan.loanNumber());
    }

    @Test
    void customers_cannot_review_and_staff_cannot_submit() {
        SignIn.as(users, loan.borrowerEmail());
        PolicyVersionSummary submitted = insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-S"), null);
        assertThatThrownBy(() -> reviews.verify(submitted.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(reviews::queue).isInstanceOf(AccessDeniedException.class);
        SignIn.as(users, "staff@example.com");
        assertThatThrownBy(() -> insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-S2"), null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void proof_of_insurance_is_filed_in_the_insurance_category_and_kept_on_the_version() {
        SignIn.as(users, loan.borrowerEmail());
        byte[] pdf = TestFiles.pdf("Declarations page " + loan.loanNumber());
        PolicyVersionSummary saved = insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-D"),
                new ProofOfInsurance("declarations.pdf", FileContent.of(pdf)));

        assertThat(saved.proofDocumentId()).isNotNull();
        DocumentSummary filed = documents.document(loan.loanNumber(), saved.proofDocumentId());
        assertThat(filed.categoryName()).isEqualTo(jdbc.queryForObject(
                "select name from document_categories where purpose = 'INSURANCE'", String.class));
        assertThat(filed.size()).isEqualTo(pdf.length);
        assertThat(saved.proofDocumentLabel()).startsWith(filed.reference()).contains("KM-D");
    }

    @Test
    void a_refused_proof_stores_neither_the_file_nor_the_version() {
        SignIn.as(users, loan.borrowerEmail());
        byte[] exe = "MZ\u0090\u0000 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
        int documentsBefore = jdbc.queryForObject("select count(*) from documents", Integer.class);

        for (byte[] bad : List.of(exe, new byte[0])) {
            assertThatThrownBy(() -> insurance.submit(loan.loanNumber(), InsuranceFixtures.policy("KM-E"),
                    new ProofOfInsurance("policy.pdf", FileContent.of(bad))))
                    .isInstanceOfSatisfying(InsuranceRefusedException.class, refused -> {
                        assertThat(refused.field()).isEqualTo("proof");
                        assertThat(refused.getMessage()).isNotBlank();
                    });
        }
        assertThat(versions()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from documents", Integer.class)).isEqualTo(documentsBefore);
    }

    private void assertRefused(PolicyDetails policy, String field, String message) {
        assertThatThrownBy(() -> insurance.submit(loan.loanNumber(), policy, null)).as(field + ": " + message)
                .isInstanceOfSatisfying(InsuranceRefusedException.class, refused -> {
                    assertThat(refused.field()).isEqualTo(field);
                    assertThat(refused.getMessage()).contains(message);
                });
    }

    private static PolicyDetails withPhone(PolicyDetails p, String phone) {
        return new PolicyDetails(p.insuranceCompany(), p.insuredName(), p.agentName(), p.policyNumber(), phone,
                p.deductible(), p.coverageStart(), p.coverageEnd());
    }

    private static PolicyDetails withDeductible(PolicyDetails p, BigDecimal deductible) {
        return new PolicyDetails(p.insuranceCompany(), p.insuredName(), p.agentName(), p.policyNumber(), p.phone(),
                deductible, p.coverageStart(), p.coverageEnd());
    }

    private int versions() {
        return jdbc.queryForObject("select count(*) from insurance_policy_versions where loan_number = ?", Integer.class,
                loan.loanNumber());
    }

    private int audited(String loanNumber, AuditAction action) {
        return jdbc.queryForObject("select count(*) from audit_events where loan_number = ? and action = ?", Integer.class,
                loanNumber, action.name());
    }
}
