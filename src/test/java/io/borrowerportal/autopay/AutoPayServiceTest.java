package io.borrowerportal.autopay;

import io.borrowerportal.paymentprofile.ProfileRefusedException;
import io.borrowerportal.SignIn;
import io.borrowerportal.common.RefusedException;
import io.borrowerportal.notification.OutboxMessage;
import io.borrowerportal.paymentprofile.NewCardProfile;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import io.borrowerportal.settings.FeeRule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scheduling and changing AutoPay through the customer's service, on MariaDB in CI: every rule the wizard
 * shows is enforced here too, a refusal stores nothing, and only the borrower who set one up may change it.
 */
class AutoPayServiceTest extends AutoPayTestSupport {

    @Autowired
    PreviewService previews;

    @Test
    void a_monthly_autopay_is_scheduled_with_the_authorization_the_customer_accepted() {
        Customer c = signedIn("ap-new");
        AutoPayTerms terms = monthly(c.bankProfile(), CHRISTMAS);
        AutoPayReview review = reviews.review(c.loan(), null, terms);
        // The database keeps milliseconds.
        Instant accepting = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        AutoPaySummary saved = service.schedule(c.loan(), terms, review.authorizationText(), CLIENT);

        assertThat(saved.reference()).matches("AP-[A-Z0-9]{8}");
        assertThat(saved.status()).isEqualTo(AutoPayStatus.ACTIVE);
        assertThat(saved.mine()).isTrue();
        assertThat(saved.method()).startsWith("Checking •••• ");
        assertThat(saved.nextDueDate()).isEqualTo(CHRISTMAS);
        assertThat(saved.nextProcessDate()).as("Christmas is a Federal Reserve holiday").isEqualTo(MONDAY_AFTER);
        assertThat(saved.canEdit()).isTrue();
        assertThat(saved.canPause()).isTrue();
        assertThat(saved.canCancel()).isTrue();
        assertThat(saved.history()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo("Scheduled");
            assertThat(h.by()).isEqualTo("You");
        });
        Map<String, Object> stored = jdbc.queryForMap("select * from autopays where reference = ?", saved.reference());
        assertThat(stored.get("authorization_version")).isEqualTo(AutoPayWording.VERSION);
        assertThat(stored.get("authorization_text")).isEqualTo(review.authorizationText());
        assertThat(saved.authorizedAt()).as("when the customer accepted").isBetween(accepting, clock.instant());
        assertThat((String) stored.get("authorized_from")).as("the address the wizard passed in").isEqualTo(CLIENT);
        assertThat(review.authorizationText()).startsWith("I, Pat Payer ")
                .contains(c.loan()).contains(saved.method()).contains("until I cancel it");
        assertThat(count("select count(*) from audit_events where action = 'AUTOPAY_SCHEDULED' and detail like ?",
                saved.reference() + "%")).isEqualTo(1);
        assertThat(mailTo(c.borrower().email())).extracting(OutboxMessage::subject)
                .contains("AutoPay scheduled: " + saved.reference());
    }

    @Test
    void the_review_shows_the_next_runs_with_christmas_moved_to_the_next_business_day_and_the_fee() {
        Customer c = signedIn("ap-review");
        asAdmin(() -> settings.updatePayments(settings.payments().withFees(FeeRule.NONE, FeeRule.flat("1.50"))));

        AutoPayReview review = reviews.review(c.loan(), null, fixed(c.bankProfile(), AutoPayFrequency.MONTHLY,
                "150.00", CHRISTMAS));

        assertThat(review.upcoming()).hasSize(6);
        AutoPayReview.UpcomingRun first = review.upcoming().getFirst();
        assertThat(first.dueDate()).isEqualTo(CHRISTMAS);
        assertThat(first.processDate()).isEqualTo(MONDAY_AFTER);
        assertThat(first.moved()).isTrue();
        assertThat(first.estimate()).isEqualByComparingTo("150.00");
        assertThat(first.fee()).isEqualByComparingTo("1.50");
        assertThat(review.upcoming().get(1).processDate()).isEqualTo(LocalDate.of(2027, 1, 25));
        assertThat(review.fee()).isEqualTo("A $1.50 convenience fee per payment");
        assertThat(review.schedule()).startsWith("Monthly on the 25th, from December 25, 2026");
        assertThat(review.authorizationText()).contains("$150.00").contains("a $1.50 convenience fee per payment");
        assertThat(count("select count(*) from autopays where customer_id = ?", c.borrower().id()))
                .as("a review stores nothing").isZero();
    }

    @Test
    void bad_input_is_refused_on_its_field_with_a_clear_message_and_nothing_is_stored() {
        Customer c = signedIn("ap-bad");
        long bank = c.bankProfile();
        assertRefused(c, monthly(bank, TODAY.minusDays(1)), "startDate", "cannot be in the past");
        assertRefused(c, monthly(bank, TODAY.plusDays(366)), "startDate", "at most a year ahead");
        assertRefused(c, fixed(bank, AutoPayFrequency.MONTHLY, "25000.01", CHRISTMAS), "fixedAmount",
                "largest payment accepted online is $25,000.00");
        assertRefused(c, fixed(bank, AutoPayFrequency.MONTHLY, "4.99", CHRISTMAS), "fixedAmount", "smallest payment");
        assertRefused(c, fixed(bank, AutoPayFrequency.MONTHLY, "12.345", CHRISTMAS), "fixedAmount", "dollars and cents");
        assertRefused(c, fixed(bank, AutoPayFrequency.MONTHLY, "9000.00", CHRISTMAS), "fixedAmount", "more than the payoff");
        assertRefused(c, new AutoPayTerms(bank, AutoPayFrequency.MONTHLY, AutoPayAmountType.PAYOFF, null, CHRISTMAS,
                null, false, false), "amountType", "payoff can only be paid once");
        assertRefused(c, new AutoPayTerms(bank, AutoPayFrequency.MONTHLY, AutoPayAmountType.SCHEDULED_PAYMENT, null,
                CHRISTMAS, null, true, true), "lastDayOfMonth", "start on the last day of a month");
        assertRefused(c, new AutoPayTerms(bank, AutoPayFrequency.WEEKLY, AutoPayAmountType.SCHEDULED_PAYMENT, null,
                CHRISTMAS, 0, false, true), "numberOfPayments", "1 to 600");
        assertRefused(c, new AutoPayTerms(bank, null, AutoPayAmountType.SCHEDULED_PAYMENT, null, CHRISTMAS, null,
                false, true), "frequency", "Choose how often");
        assertRefused(c, new AutoPayTerms(bank, AutoPayFrequency.MONTHLY, null, null, CHRISTMAS, null, false, true),
                "amountType", "Choose what AutoPay pays");

        asAdmin(() -> settings.updateAutopay(settings.autopay().withOffered(
                EnumSet.of(AutoPayFrequency.MONTHLY, AutoPayFrequency.ONE_TIME), EnumSet.allOf(AutoPayAmountType.class))));
        assertRefused(c, fixed(bank, AutoPayFrequency.WEEKLY, "50.00", CHRISTMAS), "frequency",
                "does not offer weekly AutoPay");
        asAdmin(() -> settings.updateAutopay(settings.autopay().withOffered(
                EnumSet.allOf(AutoPayFrequency.class), EnumSet.of(AutoPayAmountType.SCHEDULED_PAYMENT))));
        assertRefused(c, fixed(bank, AutoPayFrequency.MONTHLY, "50.00", CHRISTMAS), "amountType",
                "does not offer AutoPay for the fixed amount");

        asAdmin(() -> settings.updateAutopay(settings.autopay().withOffered(
                EnumSet.allOf(AutoPayFrequency.class), EnumSet.allOf(AutoPayAmountType.class))));
        // A card that runs out before the first payment would be accepted now and suspended at its first run.
        long december = profiles.addCard(new NewCardProfile(null, "Pat Payer", "4242424242424242", 12, 2026, "123",
                "19801", false)).id();
        assertRefused(c, monthly(december, CHRISTMAS.plusMonths(1)), "profileId",
                "expires before the first payment on January 25, 2027");

        assertThat(count("select count(*) from autopays where customer_id = ?", c.borrower().id())).isZero();
        assertThat(count("select count(*) from audit_events where customer_id = ? and action like 'AUTOPAY%'",
                c.borrower().id())).isZero();
    }

    @Test
    void a_card_entered_for_one_payment_is_never_offered_to_autopay_and_cannot_be_scheduled() {
        Customer c = signedIn("ap-one-time");
        long oneTime = profiles.cardForOnePayment(new NewCardProfile(null, "Pat Payer", "4242424242424242", 12, 2030,
                "123", "19801", false)).id();

        assertThat(reviews.options(c.loan()).profiles()).extracting(p -> p.id()).containsExactly(c.bankProfile());
        assertThatThrownBy(() -> reviews.review(c.loan(), null, monthly(oneTime, CHRISTMAS)))
                .isInstanceOf(AutoPayRefusedException.class);
        assertThatThrownBy(() -> service.schedule(c.loan(), monthly(oneTime, CHRISTMAS), "I authorize it", CLIENT))
                .isInstanceOf(RefusedException.class).hasMessageContaining("not found");
        assertThat(count("select count(*) from autopays where customer_id = ?", c.borrower().id())).isZero();
    }

    private void assertRefused(Customer c, AutoPayTerms terms, String field, String message) {
        assertThatThrownBy(() -> reviews.review(c.loan(), null, terms)).as("review of " + terms)
                .isInstanceOfSatisfying(AutoPayRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(message);
                });
        // The service refuses on Finish too, whatever the wizard let through.
        assertThatThrownBy(() -> service.schedule(c.loan(), terms, "I authorize it", CLIENT))
                .isInstanceOfSatisfying(AutoPayRefusedException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void finishing_needs_the_exact_authorization_reviewed() {
        Customer c = signedIn("ap-auth");
        AutoPayTerms terms = monthly(c.bankProfile(), CHRISTMAS);
        String reviewed = reviews.review(c.loan(), null, terms).authorizationText();

        assertThatThrownBy(() -> service.schedule(c.loan(), terms, " ", CLIENT))
                .isInstanceOfSatisfying(AutoPayRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("authorization");
                    assertThat(e.getMessage()).contains("I authorize");
                });
        // The lender adds a fee between the review and Finish: the customer must see it before it applies.
        asAdmin(() -> settings.updatePayments(settings.payments().withFees(FeeRule.NONE, FeeRule.flat("2.00"))));
        assertThatThrownBy(() -> service.schedule(c.loan(), terms, reviewed, CLIENT))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("terms changed");
        assertThat(count("select count(*) from autopays where customer_id = ?", c.borrower().id())).isZero();
    }

    @Test
    void another_customers_loan_and_profile_are_not_found() {
        Customer c = signedIn("ap-owner");
        Customer other = signedIn("ap-other");
        SignIn.as(users, c.borrower().email());

        assertThatThrownBy(() -> reviews.options(other.loan()))
                .isInstanceOf(io.borrowerportal.account.AccountNotFoundException.class);
        assertThatThrownBy(() -> schedule(other.loan(), monthly(c.bankProfile(), CHRISTMAS)))
                .isInstanceOf(io.borrowerportal.account.AccountNotFoundException.class);
        assertThatThrownBy(() -> schedule(c.loan(), monthly(other.bankProfile(), CHRISTMAS)))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> service.schedule(c.loan(), monthly(other.bankProfile(), CHRISTMAS), "x", CLIENT))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("not found");
        String theirs = as(other.borrower().email(), () -> schedule(other.loan(), monthly(other.bankProfile(), CHRISTMAS)))
                .reference();
        assertThatThrownBy(() -> service.cancel(c.loan(), theirs))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> service.cancel(other.loan(), theirs))
                .isInstanceOf(io.borrowerportal.account.AccountNotFoundException.class);
        assertThat(as(other.borrower().email(), () -> queries.autopay(other.loan(), theirs).status()))
                .isEqualTo(AutoPayStatus.ACTIVE);
    }

    @Test
    void a_co_borrower_sees_the_autopay_on_the_shared_loan_but_cannot_change_it_or_add_another() {
        SignIn.as(users, "jane.borrower@example.com");
        AutoPaySummary sams = queries.autopays("AUTO-100482").stream()
                .filter(a -> a.status() == AutoPayStatus.ACTIVE).findFirst().orElseThrow();

        assertThat(sams.mine()).isFalse();
        assertThat(sams.canEdit()).isFalse();
        assertThat(sams.canCancel()).isFalse();
        assertThat(reviews.options("AUTO-100482").refusal()).contains("already has an AutoPay");
        assertThatThrownBy(() -> service.pause("AUTO-100482", sams.reference()))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("Only the borrower who set up");
        long janesCard = profiles.myProfiles().getFirst().id();
        assertThatThrownBy(() -> schedule("AUTO-100482", monthly(janesCard, LocalDate.of(2027, 1, 5))))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("the most the lender allows");
    }

    @Test
    void the_lender_limit_counts_every_open_autopay_on_the_loan() {
        Customer c = signedIn("ap-limit");
        schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));
        assertThatThrownBy(() -> schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.WEEKLY, "25.00", CHRISTMAS)))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("already has an AutoPay");

        asAdmin(() -> settings.updateAutopay(settings.autopay().withLimits(2, settings.autopay().runTime())));
        AutoPaySummary second = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.WEEKLY, "25.00", CHRISTMAS));
        assertThat(second.status()).isEqualTo(AutoPayStatus.ACTIVE);
        assertThat(reviews.options(c.loan()).refusal()).contains("2 AutoPays");
        service.cancel(c.loan(), second.reference());
        assertThat(reviews.options(c.loan()).refusal()).as("a cancelled AutoPay no longer counts").isNull();
    }

    @Test
    void two_autopays_finished_at_the_same_moment_on_one_loan_leave_one() throws Exception {
        Customer c = signedIn("ap-race");
        AutoPayTerms first = monthly(c.bankProfile(), CHRISTMAS);
        AutoPayTerms second = fixed(c.bankProfile(), AutoPayFrequency.WEEKLY, "30.00", CHRISTMAS);
        String firstText = reviews.review(c.loan(), null, first).authorizationText();
        String secondText = reviews.review(c.loan(), null, second).authorizationText();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> tabs = List.of(
                    pool.submit(() -> finishInAnotherTab(c, start, first, firstText)),
                    pool.submit(() -> finishInAnotherTab(c, start, second, secondText)));
            start.countDown();
            List<String> outcomes = new java.util.ArrayList<>();
            for (var tab : tabs) {
                outcomes.add(tab.get(1, java.util.concurrent.TimeUnit.MINUTES));
            }
            assertThat(outcomes).filteredOn("scheduled"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.contains("already has an AutoPay")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from autopays where customer_id = ? and status = 'ACTIVE'", c.borrower().id()))
                .isEqualTo(1);
    }

    private String finishInAnotherTab(Customer c, java.util.concurrent.CountDownLatch start, AutoPayTerms terms,
                                      String text) throws InterruptedException {
        SignIn.as(users, c.borrower().email());
        start.await();
        try {
            service.schedule(c.loan(), terms, text, CLIENT);
            return "scheduled";
        } catch (AutoPayRefusedException refused) {
            return refused.getMessage();
        } finally {
            SignIn.out();
        }
    }

    @Test
    void a_change_keeps_the_authorization_the_earlier_payments_ran_under() {
        Customer c = signedIn("ap-keep-auth");
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "60.00", CHRISTMAS));
        String first = (String) jdbc.queryForMap("select authorization_text from autopays where reference = ?",
                autopay.reference()).get("authorization_text");

        change(c.loan(), autopay.reference(), fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "65.00", CHRISTMAS));

        String now = (String) jdbc.queryForMap("select authorization_text from autopays where reference = ?",
                autopay.reference()).get("authorization_text");
        assertThat(first).contains("$60.00");
        assertThat(now).contains("$65.00");
        List<Map<String, Object>> kept = jdbc.queryForList("select z.* from autopay_authorizations z join autopays a "
                + "on a.id = z.autopay_id where a.reference = ? order by z.authorized_at, z.id", autopay.reference());
        assertThat(kept).extracting(row -> row.get("authorization_text")).containsExactly(first, now);
        assertThat(kept).allSatisfy(row -> {
            assertThat(row.get("authorization_version")).isEqualTo(AutoPayWording.VERSION);
            assertThat((String) row.get("authorized_from")).isEqualTo(CLIENT);
        });
    }

    @Test
    void a_next_date_that_fell_on_a_weekend_is_kept_when_changing_before_its_payment() {
        Customer c = signedIn("ap-weekend-edit");
        // December 12, 2026 is a Saturday: its payment moves to Monday the 14th.
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "70.00",
                LocalDate.of(2026, 12, 12)));
        clock.moveTo(LocalDate.of(2026, 12, 13));

        AutoPaySummary changed = change(c.loan(), autopay.reference(), fixed(c.bankProfile(), AutoPayFrequency.MONTHLY,
                "75.00", LocalDate.of(2026, 12, 12)));

        assertThat(changed.nextDueDate()).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThat(changed.nextProcessDate()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(changed.startDate()).as("the schedule stays on the 12th").isEqualTo(LocalDate.of(2026, 12, 12));
        assertThatThrownBy(() -> change(c.loan(), autopay.reference(), fixed(c.bankProfile(), AutoPayFrequency.WEEKLY,
                "75.00", LocalDate.of(2026, 12, 12))))
                .as("a new schedule cannot start in the past").isInstanceOf(AutoPayRefusedException.class)
                .hasMessageContaining("cannot be in the past");
    }

    @Test
    void the_lender_decides_whether_customers_may_create_edit_and_cancel() {
        Customer c = signedIn("ap-rights");
        AutoPaySummary autopay = schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));
        asAdmin(() -> settings.updateAutopay(settings.autopay().withCustomerRights(false, false, false)));

        assertThat(reviews.options(c.loan()).refusal()).contains("set up by phone");
        assertThatThrownBy(() -> service.schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS), "x", CLIENT))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("by phone");
        assertThatThrownBy(() -> service.change(c.loan(), autopay.reference(), monthly(c.bankProfile(), CHRISTMAS), "x", CLIENT))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("by phone");
        assertThatThrownBy(() -> service.cancel(c.loan(), autopay.reference()))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("call");
        assertThatThrownBy(() -> service.pause(c.loan(), autopay.reference()))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("call");
        AutoPaySummary now = queries.autopay(c.loan(), autopay.reference());
        assertThat(now.canEdit()).isFalse();
        assertThat(now.canCancel()).isFalse();
        assertThat(now.status()).isEqualTo(AutoPayStatus.ACTIVE);

        asAdmin(() -> settings.updateAutopay(settings.autopay().withEnabled(false)));
        assertThat(reviews.options(c.loan()).refusal()).contains("not offered online");
    }

    @Test
    void changing_the_amount_keeps_the_schedule_and_a_new_start_restarts_it() {
        Customer c = signedIn("ap-change");
        AutoPaySummary autopay = schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));

        AutoPaySummary changed = change(c.loan(), autopay.reference(),
                fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "300.00", CHRISTMAS));
        assertThat(changed.amountType()).isEqualTo(AutoPayAmountType.FIXED);
        assertThat(changed.fixedAmount()).isEqualByComparingTo("300.00");
        assertThat(changed.nextDueDate()).isEqualTo(CHRISTMAS);
        assertThat(changed.history()).extracting(AutoPaySummary.Change::action).containsExactly("Scheduled", "Changed");
        assertThat(count("select count(*) from autopays where reference = ? and authorization_text like '%$300.00%'",
                autopay.reference())).as("the new authorization is stored").isEqualTo(1);

        AutoPaySummary moved = change(c.loan(), autopay.reference(),
                fixed(c.bankProfile(), AutoPayFrequency.BIWEEKLY, "150.00", LocalDate.of(2026, 12, 18)));
        assertThat(moved.nextDueDate()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(moved.startDate()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(mailTo(c.borrower().email())).extracting(OutboxMessage::subject)
                .contains("AutoPay changed: " + autopay.reference());
    }

    @Test
    void a_new_start_on_or_before_a_date_autopay_already_dealt_with_is_refused() {
        Customer c = signedIn("ap-after-run");
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.WEEKLY, "40.00", TODAY));
        runOn(TODAY);
        SignIn.as(users, c.borrower().email());

        assertThatThrownBy(() -> change(c.loan(), autopay.reference(),
                fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "40.00", TODAY)))
                .isInstanceOfSatisfying(AutoPayRefusedException.class, e -> {
                    assertThat(e.field()).isEqualTo("startDate");
                    assertThat(e.getMessage()).contains("already dealt with the payment of December 10, 2026");
                });
        AutoPaySummary kept = queries.autopay(c.loan(), autopay.reference());
        assertThat(kept.frequency()).isEqualTo(AutoPayFrequency.WEEKLY);
        assertThat(kept.nextDueDate()).isEqualTo(TODAY.plusWeeks(1));
    }

    @Test
    void pausing_skips_the_dates_that_pass_and_resuming_picks_up_the_next_one() {
        Customer c = signedIn("ap-pause");
        AutoPaySummary autopay = schedule(c.loan(), fixed(c.bankProfile(), AutoPayFrequency.WEEKLY, "30.00",
                LocalDate.of(2026, 12, 14)));
        assertThat(service.pause(c.loan(), autopay.reference()).status()).isEqualTo(AutoPayStatus.PAUSED);

        runOn(LocalDate.of(2026, 12, 15));
        assertThat(count("select count(*) from payments where standing_reference = ?", autopay.reference())).isZero();
        assertThat(runOutcomes(autopay.reference())).as("a paused AutoPay is not run at all").isEmpty();

        SignIn.as(users, c.borrower().email());
        AutoPaySummary paused = queries.autopay(c.loan(), autopay.reference());
        assertThat(paused.nextDueDate()).as("the date it would pay if resumed now").isEqualTo(LocalDate.of(2026, 12, 21));
        assertThatThrownBy(() -> service.pause(c.loan(), autopay.reference()))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("only an active AutoPay");

        AutoPaySummary resumed = service.resume(c.loan(), autopay.reference());
        assertThat(resumed.status()).isEqualTo(AutoPayStatus.ACTIVE);
        assertThat(resumed.nextDueDate()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(resumed.history()).extracting(AutoPaySummary.Change::action)
                .containsExactly("Scheduled", "Paused", "Resumed");
        assertThat(count("select count(*) from audit_events where detail like ? and action in "
                + "('AUTOPAY_PAUSED', 'AUTOPAY_RESUMED')", autopay.reference() + "%")).isEqualTo(2);
    }

    @Test
    void a_profile_an_autopay_uses_cannot_be_deleted_and_the_customer_is_told_which() {
        Customer c = signedIn("ap-delete");
        AutoPaySummary autopay = schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));

        assertThatThrownBy(() -> profiles.delete(c.bankProfile()))
                .isInstanceOf(ProfileRefusedException.class)
                .hasMessageContaining("AutoPay " + autopay.reference() + " (" + c.loan() + ")")
                .hasMessageContaining("AutoPay tab");

        service.cancel(c.loan(), autopay.reference());
        profiles.delete(c.bankProfile());
        assertThat(profiles.myProfiles()).noneMatch(p -> p.id() == c.bankProfile());
        assertThat(queries.autopay(c.loan(), autopay.reference()).status()).isEqualTo(AutoPayStatus.CANCELLED);
    }

    @Test
    void cancelling_ends_it_for_good() {
        Customer c = signedIn("ap-cancel");
        AutoPaySummary autopay = schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));

        AutoPaySummary cancelled = service.cancel(c.loan(), autopay.reference());

        assertThat(cancelled.status()).isEqualTo(AutoPayStatus.CANCELLED);
        assertThat(cancelled.nextProcessDate()).isNull();
        assertThat(cancelled.canEdit()).isFalse();
        assertThatThrownBy(() -> service.resume(c.loan(), autopay.reference())).isInstanceOf(AutoPayRefusedException.class);
        assertThatThrownBy(() -> change(c.loan(), autopay.reference(), monthly(c.bankProfile(), CHRISTMAS)))
                .isInstanceOf(AutoPayRefusedException.class).hasMessageContaining("can no longer be changed");
        runOn(MONDAY_AFTER);
        assertThat(count("select count(*) from payments where standing_reference = ?", autopay.reference())).isZero();
        assertThat(mailTo(c.borrower().email())).extracting(OutboxMessage::subject)
                .contains("AutoPay cancelled: " + autopay.reference());
    }

    @Test
    void staff_previewing_a_customer_see_their_autopay_but_cannot_change_anything() {
        Customer c = signedIn("ap-preview");
        AutoPaySummary autopay = schedule(c.loan(), monthly(c.bankProfile(), CHRISTMAS));
        AutoPayTerms terms = fixed(c.bankProfile(), AutoPayFrequency.MONTHLY, "99.00", CHRISTMAS);
        SignIn.as(users, "staff@example.com");
        previews.start(c.borrower().id(), context -> { });

        assertThat(queries.autopays(c.loan())).extracting(AutoPaySummary::reference).containsExactly(autopay.reference());
        assertThatThrownBy(() -> service.pause(c.loan(), autopay.reference())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.cancel(c.loan(), autopay.reference())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.change(c.loan(), autopay.reference(), terms, "x", CLIENT))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.schedule(c.loan(), terms, "x", CLIENT)).isInstanceOf(AccessDeniedException.class);
        assertThat(count("select count(*) from autopays where customer_id = ? and status = 'ACTIVE'", c.borrower().id()))
                .isEqualTo(1);
        assertThat(count("select count(*) from autopay_events e join autopays a on a.id = e.autopay_id "
                + "where a.reference = ?", autopay.reference())).isEqualTo(1);
    }

    @Test
    void a_one_time_payoff_autopay_is_allowed_and_a_number_of_payments_counts_down() {
        Customer c = signedIn("ap-once");
        AutoPaySummary once = schedule(c.loan(), new AutoPayTerms(c.bankProfile(), AutoPayFrequency.ONE_TIME,
                AutoPayAmountType.PAYOFF, null, CHRISTMAS, null, false, false));
        assertThat(once.numberOfPayments()).isEqualTo(1);
        assertThat(once.frequency()).isEqualTo(AutoPayFrequency.ONE_TIME);
        service.cancel(c.loan(), once.reference());

        AutoPaySummary twelve = schedule(c.loan(), new AutoPayTerms(c.bankProfile(), AutoPayFrequency.MONTHLY,
                AutoPayAmountType.FIXED, new BigDecimal("250.00"), CHRISTMAS, 12, false, false));
        assertThat(twelve.numberOfPayments()).isEqualTo(12);
        assertThat(twelve.terms().numberOfPayments()).isEqualTo(12);
        assertThat(twelve.terms().startDate()).isEqualTo(CHRISTMAS);
    }
}
