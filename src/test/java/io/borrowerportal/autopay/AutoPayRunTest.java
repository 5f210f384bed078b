package io.borrowerportal.autopay;

import io.borrowerportal.SignIn;
import io.borrowerportal.TestClock;
import io.borrowerportal.account.LinkRole;
import io.borrowerportal.account.OpenAccountCommand;
import io.borrowerportal.common.JobLocks;
import io.borrowerportal.ledger.DayCount;
import io.borrowerportal.ledger.LoanEngine;
import io.borrowerportal.ledger.LoanTerms;
import io.borrowerportal.ledger.PaymentFrequency;
import io.borrowerportal.ledger.PaymentKind;
import io.borrowerportal.notification.OutboxMessage;
import io.borrowerportal.payment.AchExport;
import io.borrowerportal.payment.AchProperties;
import io.borrowerportal.payment.AchReturns;
import io.borrowerportal.payment.PaymentFixtures;
import io.borrowerportal.payment.PaymentProcessing;
import io.borrowerportal.payment.PaymentRequest;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import io.borrowerportal.settings.FeeRule;
import io.borrowerportal.settings.PaymentType;
import io.borrowerportal.settings.WebsiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daily AutoPay run on MariaDB in CI: the runtime rules in order ({@link AutoPayDecision}), business days, and each
 * AutoPay and due date paid exactly once whatever happens to the run (a rerun, a crash halfway, two at once).
 * Each test checks its own AutoPays; others in the shared database may run alongside.
 */
class AutoPayRunTest extends AutoPayTestSupport {

    @Autowired
    AchExport achExport;
    @Autowired
    AchProperties achProperties;
    @Autowired
    AchReturns achReturns;
    @Autowired
    PaymentProcessing paymentProcessing;
    @Autowired
    javax.sql.DataSource dataSource;

    private List<PaymentSummary> autopayPayments(Customer c, String reference) {
        return as(c.borrower().email(), () -> payments.payments(c.loan()).stream()
                .filter(p -> ("AutoPay " + reference).equals(p.madeBy())).toList());
    }

    private Map<String, Object> stored(String reference) {
        return jdbc.queryForMap("select * from autopays where reference = ?", reference);
    }

    @Test
    void christmas_is_paid_on_the_next_business_day_through_the_payment_service_and_only_once() {
        Customer c = signedIn("run-xmas");
        AutoPaySummary autopay = schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));
        BigDecimal installment = as(c.borrower().email(), () -> reviews.options(c.loan()).scheduledPayment());

        runOn(CHRISTMAS);
        assertThat(autopayPayments(c, autopay.reference())).as("not on the holiday itself").isEmpty();

        runOn(MONDAY_AFTER);
        assertThat(runOutcomes(autopay.reference())).containsExactly("PAID");
        List<PaymentSummary> paid = autopayPayments(c, autopay.reference());
        assertThat(paid).singleElement().satisfies(p -> {
            assertThat(p.status()).as("a bank debit is applied and pending").isEqualTo(PaymentStatus.PENDING);
            assertThat(p.amount()).isEqualByComparingTo(installment);
            assertThat(p.processDate()).isEqualTo(MONDAY_AFTER);
            assertThat(p.applyDate()).isEqualTo(MONDAY_AFTER);
            assertThat(p.principal().add(p.interest()).add(p.fees())).isEqualByComparingTo(installment);
        });
        Map<String, Object> row = stored(autopay.reference());
        assertThat(row.get("next_due_date").toString()).isEqualTo("2027-01-25");
        assertThat(row.get("payments_made")).isEqualTo(1);
        assertThat(count("select count(*) from autopay_runs r join autopays a on a.id = r.autopay_id "
                + "where a.reference = ? and r.outcome = 'PAID' and r.due_date = ?", autopay.reference(), CHRISTMAS))
                .isEqualTo(1);
        assertThat(mailTo(c.borrower().email())).extracting(OutboxMessage::subject)
                .contains("Payment received: " + paid.getFirst().confirmationNumber());

        runOn(MONDAY_AFTER);
        assertThat(autopayPayments(c, autopay.reference())).as("a rerun pays nothing twice").hasSize(1);
        assertThat(runOutcomes(autopay.reference())).as("and records nothing twice").containsExactly("PAID");
    }

    @Test
    void a_run_after_the_cut_off_moves_the_money_on_the_next_business_day_as_a_customers_payment_would() {
        Customer c = signedIn("run-late");
        long visa = profiles.addCard(PaymentFixtures.card("4242424242424242")).id();
        AutoPaySummary card = schedule(c.loan(), monthly(visa, MONDAY_AFTER));
        Customer d = signedIn("run-late-bank");
        AutoPaySummary bank = schedule(d.loan(), monthly(d.bankProfile(), MONDAY_AFTER));
        // The test clock stands at 09:00; a cut-off before that makes this run a late one (a start after an outage).
        WebsiteSettings before = settings.current();
        asAdmin(() -> settings.update(before.withCutoffTime(TestClock.START.minusHours(1))));
        try {
            runOn(MONDAY_AFTER);
        } finally {
            asAdmin(() -> settings.update(before));
        }

        LocalDate tuesday = MONDAY_AFTER.plusDays(1);
        assertThat(autopayPayments(c, card.reference())).singleElement().satisfies(p -> {
            assertThat(p.processDate()).isEqualTo(tuesday);
            assertThat(p.applyDate()).as("it counts on the loan today").isEqualTo(MONDAY_AFTER);
        });
        assertThat(autopayPayments(d, bank.reference())).singleElement().satisfies(p -> {
            assertThat(p.processDate()).isEqualTo(tuesday);
            assertThat(p.applyDate()).isEqualTo(MONDAY_AFTER);
        });
    }

    @Test
    void a_monthly_autopay_from_december_31_pays_the_months_last_days_on_business_days() {
        Customer c = signedIn("run-month-end");
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "50.00",
                LocalDate.of(2026, 12, 31)));

        runOn(LocalDate.of(2026, 12, 31));
        // January 31, 2027 is a Sunday: its payment moves to Monday, February 1.
        assertThat(stored(autopay.reference()).get("next_due_date").toString()).isEqualTo("2027-01-31");
        assertThat(stored(autopay.reference()).get("next_process_date").toString()).isEqualTo("2027-02-01");
        runOn(LocalDate.of(2027, 2, 1));
        // February has no 31st: the 28th, a Sunday too, so Monday, March 1; then the 31st again.
        assertThat(stored(autopay.reference()).get("next_due_date").toString()).isEqualTo("2027-02-28");
        assertThat(stored(autopay.reference()).get("next_process_date").toString()).isEqualTo("2027-03-01");
        runOn(LocalDate.of(2027, 3, 1));
        assertThat(stored(autopay.reference()).get("next_due_date").toString()).isEqualTo("2027-03-31");
        assertThat(autopayPayments(c, autopay.reference())).extracting(PaymentSummary::processDate)
                .containsExactlyInAnyOrder(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 1));
        assertThat(count("select count(*) from autopay_runs r join autopays a on a.id = r.autopay_id where a.reference = ?",
                autopay.reference())).isEqualTo(3);
    }

    @Test
    void twice_a_month_and_every_two_weeks_pay_on_their_calendars() {
        Customer c = signedIn("run-semi-monthly");
        AutoPaySummary semi = schedule(c.loan(), new AutoPayTerms(c.bankProfile(), AutoPayFrequency.SEMI_MONTHLY,
                AutoPayAmountType.FIXED, new BigDecimal("40.00"), LocalDate.of(2026, 12, 15), null, true, false));
        Customer d = signedIn("run-biweekly");
        AutoPaySummary biweekly = schedule(d.loan(), fixed(d.bankProfile(), AutoPayFrequency.BIWEEKLY, "40.00",
                LocalDate.of(2026, 12, 11)));

        runOn(LocalDate.of(2026, 12, 11));
        runOn(LocalDate.of(2026, 12, 15));
        runOn(LocalDate.of(2026, 12, 28));
        runOn(LocalDate.of(2026, 12, 31));

        assertThat(autopayPayments(c, semi.reference())).extracting(PaymentSummary::processDate)
                .as("the 15th and the month's last day").containsExactlyInAnyOrder(LocalDate.of(2026, 12, 15),
                        LocalDate.of(2026, 12, 31));
        assertThat(stored(semi.reference()).get("next_due_date").toString()).isEqualTo("2027-01-15");
        assertThat(autopayPayments(d, biweekly.reference())).extracting(PaymentSummary::processDate)
                .as("December 25 is a holiday: the next business day").containsExactlyInAnyOrder(
                        LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 28));
        assertThat(stored(biweekly.reference()).get("next_due_date").toString()).isEqualTo("2027-01-08");
    }

    @Test
    void a_bank_autopay_goes_into_the_ach_file_as_a_recurring_debit() throws Exception {
        Customer c = signedIn("run-nacha");
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.WEEKLY, "45.00", TODAY));
        runOn(TODAY);
        String confirmation = autopayPayments(c, autopay.reference()).getFirst().confirmationNumber();

        var file = SystemTask.call(achExport::exportPending).orElseThrow();
        String content = java.nio.file.Files.readString(java.nio.file.Path.of(achProperties.outboxDir(), file.fileName()));
        String entry = content.lines().filter(l -> l.startsWith("6") && l.contains(confirmation)).findFirst().orElseThrow();
        assertThat(entry.substring(76, 78)).as("WEB payment type code").isEqualTo("R ");
    }

    @Test
    void a_paid_off_loan_ends_the_autopay() {
        Customer c = signedIn("run-paid-off");
        AutoPaySummary autopay = schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));
        payments.submit(new PaymentRequest(c.loan(), PaymentType.PAYOFF, null, c.bankProfile(), null, PaymentFixtures.key()));

        runOn(MONDAY_AFTER);

        assertThat(runOutcomes(autopay.reference())).containsExactly("ENDED");
        Map<String, Object> row = stored(autopay.reference());
        assertThat(row.get("status")).isEqualTo("COMPLETED");
        assertThat(row.get("status_reason").toString()).contains("paid off");
        assertThat(row.get("next_due_date")).isNull();
        assertThat(autopayPayments(c, autopay.reference())).isEmpty();
        assertThat(mailTo(c.borrower().email())).extracting(OutboxMessage::subject)
                .contains("AutoPay finished: " + autopay.reference());
    }

    @Test
    void nothing_due_is_skipped_when_only_paying_what_is_due() {
        Customer c = signedIn("run-nothing-due");
        AutoPaySummary autopay = schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));
        // The borrower pays the December installment by hand first.
        payments.submit(new PaymentRequest(c.loan(), PaymentType.AMOUNT_DUE, null, c.bankProfile(), null,
                PaymentFixtures.key()));

        runOn(MONDAY_AFTER);

        assertThat(autopayPayments(c, autopay.reference())).isEmpty();
        assertThat(count("select count(*) from autopay_runs r join autopays a on a.id = r.autopay_id "
                + "where a.reference = ? and r.outcome = 'SKIPPED'", autopay.reference())).isEqualTo(1);
        assertThat(stored(autopay.reference()).get("next_due_date").toString()).isEqualTo("2027-01-25");
        assertThat(stored(autopay.reference()).get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void a_fixed_amount_pays_even_when_nothing_is_due_unless_told_otherwise() {
        Customer c = signedIn("run-fixed-ahead");
        payments.submit(new PaymentRequest(c.loan(), PaymentType.AMOUNT_DUE, null, c.bankProfile(), null,
                PaymentFixtures.key()));
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.WEEKLY, "60.00",
                LocalDate.of(2026, 12, 14)));

        runOn(LocalDate.of(2026, 12, 14));

        assertThat(autopayPayments(c, autopay.reference())).singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("60.00"));
    }

    @Test
    void an_amount_above_the_payoff_is_lowered_to_the_payoff_and_the_convenience_fee_is_added() {
        Customer c = signedIn("run-lowered");
        asAdmin(() -> settings.updatePayments(settings.payments().withFees(FeeRule.NONE, FeeRule.flat("1.50"))));
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "2000.00",
                CHRISTMAS));
        // Most of the loan is paid by hand before the AutoPay runs.
        BigDecimal payoff = as(c.borrower().email(), () -> reviews.options(c.loan()).payoffAmount());
        payments.submit(PaymentFixtures.custom(c.loan(), payoff.subtract(new BigDecimal("1500.00")).toPlainString(),
                c.bankProfile()));

        runOn(MONDAY_AFTER);

        PaymentSummary paid = autopayPayments(c, autopay.reference()).getFirst();
        assertThat(paid.amount()).isLessThan(new BigDecimal("2000.00")).isGreaterThan(new BigDecimal("1500.00"));
        assertThat(paid.convenienceFee()).isEqualByComparingTo("1.50");
        assertThat(paid.total()).isEqualByComparingTo(paid.amount().add(new BigDecimal("1.50")));
        assertThat(as(c.borrower().email(), () -> reviews.options(c.loan()).payoffAmount())).isEqualByComparingTo("0.00");
        assertThat(jdbc.queryForObject("select note from autopay_runs r join autopays a on a.id = r.autopay_id "
                + "where a.reference = ?", String.class, autopay.reference())).contains("Lowered to");
        assertThat(stored(autopay.reference()).get("status")).as("paid off by AutoPay itself: the next run ends it")
                .isEqualTo("ACTIVE");
        runOn(LocalDate.of(2027, 1, 25));
        assertThat(stored(autopay.reference()).get("status")).isEqualTo("COMPLETED");
    }

    @Test
    void a_card_autopay_is_charged_after_its_page_commits_and_a_decline_keeps_autopay_on() {
        Customer c = signedIn("run-card");
        long visa = profiles.addCard(PaymentFixtures.card("4242424242424242")).id();
        // A card that declines, saved after the Visa: the run charges the card the AutoPay names.
        profiles.addCard(new NewCardProfile("Declines", "Pat Payer", "4000000000000002", 12, 2030, "123", "19801",
                false));
        AutoPaySummary good = schedule(c.loan(), fixed(visa, AutoPayFrequency.WEEKLY, "25.00", TODAY));
        Customer d = signedIn("run-card-declined");
        long declines = profiles.addCard(new NewCardProfile(null, "Pat Payer", "4000000000000002", 12, 2030, "123",
                "19801", false)).id();
        AutoPaySummary bad = schedule(d.loan(), fixed(declines, AutoPayFrequency.WEEKLY, "25.00", TODAY));

        runOn(TODAY);

        assertThat(runOutcomes(good.reference())).containsExactly("PAID");
        assertThat(runOutcomes(bad.reference())).as("paid, then declined by the processor").containsExactly("PAID");
        assertThat(autopayPayments(c, good.reference())).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.COMPLETED));
        assertThat(autopayPayments(d, bad.reference())).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.DECLINED));
        assertThat(stored(bad.reference()).get("status")).isEqualTo("ACTIVE");
        assertThat(stored(bad.reference()).get("next_due_date").toString()).isEqualTo(TODAY.plusWeeks(1).toString());
        assertThat(mailTo(d.borrower().email())).filteredOn(m -> m.subject().startsWith("Payment not made"))
                .singleElement().satisfies(m -> assertThat(m.body()).contains("Your AutoPay payment")
                        .contains("AutoPay: " + bad.reference()));
    }

    @Test
    void an_r07_return_suspends_every_autopay_on_that_bank_account_and_tells_each_customer() {
        String account = PaymentFixtures.uniqueAccountNumber();
        Customer jo = signedIn("run-r07-a");
        long josBank = profiles.addBank(PaymentFixtures.bank(account)).id();
        AutoPaySummary first = schedule(jo.loan(), fixed(josBank, AutoPayFrequency.WEEKLY, "35.00", TODAY));
        // A co-borrower elsewhere keeps the same bank account as a profile of their own.
        Customer kim = signedIn("run-r07-b");
        long kimsBank = profiles.addBank(PaymentFixtures.bank(account)).id();
        AutoPaySummary second = schedule(kim.loan(), monthly(kimsBank, CHRISTMAS));
        Customer lee = signedIn("run-r07-c");
        AutoPaySummary otherAccount = schedule(lee.loan(), monthly(lee.bankProfile(), CHRISTMAS));
        runOn(TODAY);
        PaymentSummary debit = autopayPayments(jo, first.reference()).getFirst();
        SystemTask.call(achExport::exportPending);

        SystemTask.call(() -> achReturns.recordReturn(debit.confirmationNumber(), "R07"));

        for (String reference : List.of(first.reference(), second.reference())) {
            Map<String, Object> row = stored(reference);
            assertThat(row.get("status")).as(reference).isEqualTo("SUSPENDED");
            assertThat(row.get("status_reason").toString()).contains("R07").contains(debit.confirmationNumber());
        }
        assertThat(mailTo(kim.borrower().email())).extracting(OutboxMessage::subject)
                .contains("AutoPay suspended: " + second.reference());
        assertThat(count("select count(*) from audit_events where action = 'AUTOPAY_SUSPENDED' and detail like ?",
                second.reference() + "%")).isEqualTo(1);
        assertThat(stored(otherAccount.reference()).get("status")).as("another bank account").isEqualTo("ACTIVE");
        runOn(LocalDate.of(2026, 12, 17));
        assertThat(autopayPayments(jo, first.reference())).as("a suspended AutoPay pays nothing").hasSize(1);
    }

    @Test
    void an_autopay_whose_method_became_unusable_is_suspended_when_it_comes_due() {
        Customer c = signedIn("run-unusable");
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.WEEKLY, "20.00",
                LocalDate.of(2026, 12, 14)));
        // The bank closed the account (as a return would mark it) without the AutoPay hearing of it.
        jdbc.update("update payment_profiles set status = 'UNUSABLE', status_reason = 'Closed by the bank.' where id = ?",
                c.bankProfile());

        runOn(LocalDate.of(2026, 12, 14));

        assertThat(stored(autopay.reference()).get("status")).isEqualTo("SUSPENDED");
        assertThat(runOutcomes(autopay.reference())).as("nothing tried: the date stays open").isEmpty();
        assertThat(stored(autopay.reference()).get("status_reason").toString()).contains("can no longer be used")
                .contains("December 14, 2026");
        assertThat(autopayPayments(c, autopay.reference())).isEmpty();
        assertThat(mailTo(c.borrower().email())).extracting(OutboxMessage::subject)
                .contains("AutoPay suspended: " + autopay.reference());

        // The customer picks another method on the same day: that day's payment is still made.
        SignIn.as(users, c.borrower().email());
        long card = profiles.addCard(PaymentFixtures.card("4242424242424242")).id();
        AutoPaySummary fixedUp = change(c.loan(), autopay.reference(), fixed(card, AutoPayFrequency.WEEKLY, "20.00",
                LocalDate.of(2026, 12, 14)));
        assertThat(fixedUp.status()).isEqualTo(AutoPayStatus.ACTIVE);
        runOn(LocalDate.of(2026, 12, 14));
        assertThat(autopayPayments(c, autopay.reference())).singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PaymentStatus.COMPLETED));
        assertThat(runOutcomes(autopay.reference())).containsExactly("PAID");
    }

    @Test
    void a_catch_up_run_pays_the_latest_missed_date_once_as_of_today_and_skips_the_older_ones() {
        Customer c = signedIn("run-catch-up");
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.WEEKLY, "15.00",
                LocalDate.of(2026, 12, 14)));
        clock.moveTo(LocalDate.of(2026, 12, 22));

        SystemTask.call(() -> operations.run(LocalDate.of(2026, 12, 22)));

        assertThat(autopayPayments(c, autopay.reference())).singleElement().satisfies(p -> {
            assertThat(p.applyDate()).as("on the loan as it stands today").isEqualTo(LocalDate.of(2026, 12, 22));
            assertThat(p.processDate()).isEqualTo(LocalDate.of(2026, 12, 22));
        });
        assertThat(runOutcomes(autopay.reference())).containsExactly("SKIPPED", "PAID");
        assertThat(stored(autopay.reference()).get("next_due_date").toString()).isEqualTo("2026-12-28");
        assertThatThrownBy(() -> SystemTask.call(() -> operations.run(LocalDate.of(2026, 12, 23))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never pays early");
    }

    @Test
    void a_date_caught_up_after_the_borrower_paid_by_hand_is_not_paid_again() {
        Customer c = signedIn("run-catch-up-paid");
        AutoPaySummary autopay = schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));
        // AutoPay did not run on December 28; the borrower paid the installment by hand on the 29th.
        clock.moveTo(LocalDate.of(2026, 12, 29));
        payments.submit(new PaymentRequest(c.loan(), PaymentType.AMOUNT_DUE, null, c.bankProfile(), null,
                PaymentFixtures.key()));

        runOn(LocalDate.of(2026, 12, 30));

        assertThat(autopayPayments(c, autopay.reference())).isEmpty();
        assertThat(jdbc.queryForObject("select r.outcome from autopay_runs r join autopays a on a.id = r.autopay_id "
                + "where a.reference = ?", String.class, autopay.reference())).isEqualTo("SKIPPED");
    }

    @Test
    void a_reminder_goes_out_three_days_before_each_payment_once() {
        Customer c = signedIn("run-remind");
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "80.00",
                LocalDate.of(2026, 12, 21)));
        clock.moveTo(LocalDate.of(2026, 12, 17));
        SystemTask.call(operations::sendReminders);
        assertThat(mailTo(c.borrower().email())).noneMatch(m -> m.subject().startsWith("AutoPay reminder"));

        clock.moveTo(LocalDate.of(2026, 12, 18));
        SystemTask.call(operations::sendReminders);
        SystemTask.call(operations::sendReminders);

        assertThat(mailTo(c.borrower().email())).filteredOn(m -> m.subject().startsWith("AutoPay reminder"))
                .singleElement().satisfies(m -> {
                    assertThat(m.subject()).isEqualTo("AutoPay reminder: payment on December 21, 2026");
                    assertThat(m.body()).contains("$80.00").contains(autopay.method()).contains(c.loan());
                });
    }

    @Test
    void the_catch_up_command_runs_a_past_date_and_refuses_the_future_a_bad_date_and_a_run_in_progress() {
        Customer c = signedIn("run-command");
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.WEEKLY, "12.00", TODAY));
        clock.moveTo(LocalDate.of(2026, 12, 11));

        assertThat(command("2026-12-10").runOnce()).isZero();
        assertThat(autopayPayments(c, autopay.reference())).singleElement()
                .satisfies(p -> assertThat(p.applyDate()).as("caught up: paid as of today").isEqualTo(TODAY.plusDays(1)));
        assertThat(command("2026-12-12").runOnce()).as("never early").isEqualTo(2);
        assertThat(command("12/10/2026").runOnce()).isEqualTo(2);
        var held = io.borrowerportal.common.JobLocks.tryLock(dataSource, AutoPayJobs.LOCK, java.time.Duration.ofMinutes(1),
                clock).orElseThrow();
        try {
            assertThat(command("2026-12-11").runOnce()).as("the job is running on another node").isEqualTo(2);
        } finally {
            held.unlock();
        }
        asAdmin(() -> settings.updateAutopay(settings.autopay().withEnabled(false)));
        assertThat(command("2026-12-11").runOnce()).as("switched off").isEqualTo(2);
        assertThat(autopayPayments(c, autopay.reference())).hasSize(1);
    }

    private AutoPayCatchUpCommand command(String date) {
        return new AutoPayCatchUpCommand(operations, dataSource, null, clock, date);
    }

    // --- exactly once ---------------------------------------------------------------------------------------

    /** One customer with {@code count} fresh loans, each with a weekly AutoPay due today. */
    private List<String> dueAutoPays(String tag, int count, boolean card) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = tag + "-" + unique + "@example.com";
        List<String> loans = new ArrayList<>();
        SystemTask.run(() -> {
            long customer = customers.create(email, "Many", "Loans " + unique, null, "test-password-1");
            LoanTerms terms = new LoanTerms(new BigDecimal("3000.00"), new BigDecimal("9.0000"), 24,
                    LocalDate.of(2026, 10, 25), LocalDate.of(2026, 11, 25), PaymentFrequency.MONTHLY, DayCount.ACTUAL_365);
            for (int i = 0; i < count; i++) {
                String loan = "EO-" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
                servicing.openAccount(new OpenAccountCommand(loan, "PERSONAL", terms, null, null));
                servicing.link(loan, customer, LinkRole.BORROWER);
                servicing.postPayment(loan, LocalDate.of(2026, 11, 25), LoanEngine.levelPayment(terms),
                        PaymentKind.REGULAR, "Payment");
                loans.add(loan);
            }
        });
        SignIn.as(users, email);
        long profile = card ? profiles.addCard(PaymentFixtures.card("4242424242424242")).id()
                : profiles.addBank(PaymentFixtures.bank(PaymentFixtures.uniqueAccountNumber())).id();
        List<String> references = new ArrayList<>();
        for (String loan : loans) {
            references.add(schedule(loan, fixed(profile, AutoPayFrequency.WEEKLY, "10.00", TODAY)).reference());
        }
        SignIn.out();
        return references;
    }

    /** The references as a SQL list: 'AP-1','AP-2'. */
    private static String quoted(List<String> references) {
        return String.join(",", references.stream().map(r -> "'" + r + "'").toList());
    }

    /** The run stops, as if the node died, right after the page holding the last of these AutoPays commits. */
    private void crashOnceThePageOfTheLastIsCommitted(List<String> references) {
        long last = ids(references).stream().mapToLong(Long::longValue).max().orElseThrow();
        runner.interruptWith((lastOfPage, phase) -> {
            if (phase == AutoPayRunner.Interruption.Phase.PAGE_COMMITTED && lastOfPage >= last) {
                throw new SimulatedCrash();
            }
        });
    }

    private Set<Long> ids(List<String> references) {
        String in = quoted(references);
        return Set.copyOf(jdbc.queryForList("select id from autopays where reference in (" + in + ")", Long.class));
    }

    private void assertEachPaidOnce(List<String> references) {
        String in = quoted(references);
        assertThat(count("select count(*) from payments where standing_reference in (" + in + ")"))
                .isEqualTo(references.size());
        assertThat(count("select count(distinct standing_reference) from payments where standing_reference in (" + in + ")"))
                .isEqualTo(references.size());
        assertThat(count("select count(*) from autopay_runs r join autopays a on a.id = r.autopay_id "
                + "where a.reference in (" + in + ") and r.due_date = ?", TODAY)).isEqualTo(references.size());
        assertThat(count("select count(*) from autopays where reference in (" + in + ") and next_due_date = ?",
                TODAY.plusWeeks(1))).isEqualTo(references.size());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a crash (the process dying) does to a run: nothing after it happens. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    @Test
    void a_crash_halfway_through_a_run_then_a_rerun_pays_each_due_autopay_exactly_once() {
        List<String> references = dueAutoPays("crash", AutoPayRunner.PAGE + AutoPayRunner.PAGE / 2, false);
        Set<Long> ours = ids(references);
        AtomicInteger paidSoFar = new AtomicInteger();
        CountDownLatch pageCommitted = new CountDownLatch(1);
        AtomicBoolean waiting = new AtomicBoolean();
        // Well into the batch, once a page of ours has committed, the process dies mid-page. The two workers race,
        // so the first to get there before any commit waits for the other's page to commit: the crash always falls
        // between one page's commit and another's, whichever page finishes first.
        runner.interruptWith((autopayId, phase) -> {
            if (phase == AutoPayRunner.Interruption.Phase.PAGE_COMMITTED && ours.contains(autopayId)) {
                pageCommitted.countDown();
            } else if (phase == AutoPayRunner.Interruption.Phase.PAID_ONE && ours.contains(autopayId)
                    && paidSoFar.incrementAndGet() >= AutoPayRunner.PAGE / 2) {
                if (pageCommitted.getCount() > 0 && waiting.compareAndSet(false, true)) {
                    awaitQuietly(pageCommitted);
                }
                if (pageCommitted.getCount() == 0) {
                    throw new SimulatedCrash();
                }
            }
        });
        clock.moveTo(TODAY);
        assertThatThrownBy(() -> SystemTask.call(() -> operations.run(TODAY))).isInstanceOf(SimulatedCrash.class);
        String in = quoted(references);
        int afterCrash = count("select count(*) from payments where standing_reference in (" + in + ")");
        assertThat(afterCrash).as("a page committed, another died with the crash")
                .isBetween(1, references.size() - 1);

        runner.interruptWith(null);
        runOn(TODAY);

        assertEachPaidOnce(references);
    }

    @Test
    void a_crash_between_the_commit_and_the_card_charges_is_charged_by_the_rerun_once() {
        List<String> references = dueAutoPays("crash-card", 12, true);
        crashOnceThePageOfTheLastIsCommitted(references);
        clock.moveTo(TODAY);
        assertThatThrownBy(() -> SystemTask.call(() -> operations.run(TODAY))).isInstanceOf(SimulatedCrash.class);
        String in = quoted(references);
        assertThat(count("select count(*) from payments where standing_reference in (" + in + ") and status = 'PROCESSING'"))
                .as("stored, not yet charged").isEqualTo(references.size());

        runner.interruptWith(null);
        AutoPayRunReport rerun = runOn(TODAY);

        assertThat(rerun.leftovers()).isGreaterThanOrEqualTo(references.size());
        assertEachPaidOnce(references);
        assertThat(count("select count(*) from payments where standing_reference in (" + in + ") and status = 'COMPLETED'"))
                .isEqualTo(references.size());
        assertThat(count("select count(*) from ledger_entries e join payments p on p.ledger_entry_id = e.id "
                + "where p.standing_reference in (" + in + ")")).as("each charge posted once").isEqualTo(references.size());
    }

    @Test
    void card_charges_a_crash_left_unanswered_are_finished_by_the_reconcile_job_even_with_autopay_switched_off() {
        List<String> references = dueAutoPays("stalled", 3, true);
        crashOnceThePageOfTheLastIsCommitted(references);
        clock.moveTo(TODAY);
        assertThatThrownBy(() -> SystemTask.call(() -> operations.run(TODAY))).isInstanceOf(SimulatedCrash.class);
        runner.interruptWith(null);
        asAdmin(() -> settings.updateAutopay(settings.autopay().withEnabled(false)));
        String in = quoted(references);

        SystemTask.call(paymentProcessing::reconcileProcessing);
        assertThat(count("select count(*) from payments where standing_reference in (" + in + ") and status = 'PROCESSING'"))
                .as("not yet: a charge may still be running").isEqualTo(3);
        clock.moveTo(TODAY.plusDays(1));
        SystemTask.call(paymentProcessing::reconcileProcessing);

        assertThat(count("select count(*) from payments where standing_reference in (" + in + ") and status = 'COMPLETED'"))
                .isEqualTo(3);
        assertThat(count("select count(*) from ledger_entries e join payments p on p.ledger_entry_id = e.id "
                + "where p.standing_reference in (" + in + ")")).isEqualTo(3);
    }

    @Test
    void two_runs_at_once_pay_each_due_autopay_once() throws Exception {
        List<String> references = dueAutoPays("twice", AutoPayRunner.PAGE + 20, false);
        clock.moveTo(TODAY);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<AutoPayRunReport>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return SystemTask.call(() -> operations.run(TODAY));
                }));
            }
            start.countDown();
            for (Future<AutoPayRunReport> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEachPaidOnce(references);
    }
}
