package io.borrowerportal.autopay;

import io.borrowerportal.account.AccountRef;
import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.common.Dates;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileRefusedException;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPaySettings;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The lender's rules on AutoPays, checked on the server whatever the wizard showed: whether AutoPay is
 * offered, whether this customer may set up or change one, every rule on the terms (in the order of the
 * wizard's steps, so a refusal points at the earliest step), and finding the customer's own AutoPay.
 */
@Component
class AutoPayChecks {

    static final Collection<AutoPayStatus> OPEN =
            EnumSet.of(AutoPayStatus.ACTIVE, AutoPayStatus.PAUSED, AutoPayStatus.SUSPENDED);
    private static final String ONLY_THE_OWNER = "Only the borrower who set up this AutoPay can change it.";

    private final AutoPayRepository autopays;
    private final AutoPayRunRepository runs;
    private final PaymentProfileService profiles;
    private final SettingsService settings;
    private final CurrentUser currentUser;
    private final Clock clock;

    AutoPayChecks(AutoPayRepository autopays, AutoPayRunRepository runs, PaymentProfileService profiles,
                  SettingsService settings, CurrentUser currentUser, Clock clock) {
        this.autopays = autopays;
        this.runs = runs;
        this.profiles = profiles;
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // --- may the customer do it -----------------------------------------------------------------------------

    /** Why no AutoPay can be scheduled on this loan now, or nothing (the wizard's first screen says it). */
    Optional<String> whyNoNewAutoPay(AccountRef account, LoanFigures figures) {
        AutoPaySettings rules = settings.autopay();
        if (!offered()) {
            return Optional.of("AutoPay is not offered online. Call " + phone() + " to set it up.");
        }
        if (!rules.customerMayCreate()) {
            return Optional.of("AutoPay is set up by phone. Call " + phone() + ".");
        }
        if (figures.status() == LoanStatus.PAID_OFF) {
            return Optional.of("This loan is paid off; there is nothing for AutoPay to pay.");
        }
        if (autopays.countByAccountInStatus(account.id(), OPEN) >= rules.maxActivePerAccount()) {
            return Optional.of(limitReached(rules, account));
        }
        return Optional.empty();
    }

    boolean offered() {
        return settings.autopay().enabled() && settings.payments().enabled();
    }

    void requireOffered() {
        if (!offered()) {
            throw new AutoPayRefusedException("AutoPay is not offered online. Call " + phone() + ".");
        }
    }

    void requireCreatable(AccountRef account) {
        AutoPaySettings rules = settings.autopay();
        if (!rules.customerMayCreate()) {
            throw new AutoPayRefusedException("AutoPay is set up by phone. Call " + phone() + ".");
        }
        if (autopays.countByAccountInStatus(account.id(), OPEN) >= rules.maxActivePerAccount()) {
            throw new AutoPayRefusedException(limitReached(rules, account));
        }
    }

    void requireEditable(AutoPay autopay) {
        if (!settings.autopay().customerMayEdit()) {
            throw new AutoPayRefusedException("AutoPay is changed by phone. Call " + phone() + ".");
        }
        if (!autopay.status().open()) {
            throw new AutoPayRefusedException("This AutoPay is " + autopay.status().label().toLowerCase(Locale.ROOT)
                    + " and can no longer be changed. Schedule a new one instead.");
        }
    }

    /** Pausing and cancelling are the lender's "customer may cancel" switch. */
    void requireStoppable(String verb) {
        if (!settings.autopay().customerMayCancel()) {
            throw new AutoPayRefusedException("To " + verb + " AutoPay, call " + phone() + ".");
        }
    }

    void requireOwn(long ownerId) {
        if (ownerId != currentUser.customerId()) {
            throw new AutoPayRefusedException(ONLY_THE_OWNER);
        }
    }

    /** The limit reached, and who can free it: the customer, or only the co-borrower whose AutoPays they are. */
    private String limitReached(AutoPaySettings rules, AccountRef account) {
        int max = rules.maxActivePerAccount();
        boolean anyMine = autopays.findByAccountIdOrderByCreatedAtDescIdDesc(account.id()).stream()
                .anyMatch(a -> a.status().open() && a.customerId() == currentUser.customerId());
        String has = "This loan already has " + (max == 1 ? "an AutoPay" : max + " AutoPays") + ", the most the lender allows.";
        return anyMine ? has + " To pay differently, change " + (max == 1 ? "it" : "one of them") + ", or cancel "
                + (max == 1 ? "it" : "one") + " first."
                : has + " Your co-borrower set " + (max == 1 ? "it" : "them") + " up; only they can change or cancel "
                + (max == 1 ? "it" : "them") + ".";
    }

    private String phone() {
        return settings.current().supportPhone();
    }

    // --- the terms ------------------------------------------------------------------------------------------

    /**
     * Every rule on the terms, in the order of the wizard's steps.
     *
     * @param keptNext when changing an AutoPay, its next date (see {@link AutoPayTermRules#startDateProblem})
     */
    void check(AutoPayTerms terms, ProfileSummary profile, LoanFigures figures, LocalDate keptNext,
               boolean balanceUnderReview) {
        AutoPaySettings rules = settings.autopay();
        PaymentSettings paying = settings.payments();
        requireOffered();
        LocalDate today = LocalDate.now(clock);
        whyCannotPay(profile, today).ifPresent(why -> {
            throw new AutoPayRefusedException("profileId", why + " Choose another method.");
        });
        if (terms.frequency() == null) {
            throw new AutoPayRefusedException("frequency", "Choose how often AutoPay pays.");
        }
        if (!rules.offers(terms.frequency())) {
            throw new AutoPayRefusedException("frequency", "The lender does not offer "
                    + terms.frequency().label().toLowerCase(Locale.ROOT) + " AutoPay. Choose another frequency.");
        }
        if (terms.amountType() == null) {
            throw new AutoPayRefusedException("amountType", "Choose what AutoPay pays each time.");
        }
        if (!rules.offers(terms.amountType())) {
            throw new AutoPayRefusedException("amountType", "The lender does not offer AutoPay for the "
                    + terms.amountType().label().toLowerCase(Locale.ROOT) + ". Choose another amount.");
        }
        refuse("amountType", AutoPayTermRules.amountProblem(terms.amountType(), terms.frequency()));
        if (balanceUnderReview && terms.amountType() != AutoPayAmountType.FIXED) {
            // The other amounts come from the balance the servicing system disagrees with (decisions 032, 035).
            throw new AutoPayRefusedException("amountType", BalanceReviews.notice(settings.current().supportPhone())
                    + " Until then AutoPay can be set up or changed for a fixed amount only.");
        }
        if (terms.amountType() == AutoPayAmountType.FIXED) {
            // Under review the payoff is not quoted in a refusal; each run still pays at most the payoff.
            refuse("fixedAmount", AutoPayTermRules.fixedAmountProblem(terms.fixedAmount(), paying.minimumAmount(),
                    paying.maximumAmount(), balanceUnderReview ? null : figures.payoffAmount()));
        }
        if (figures.status() == LoanStatus.PAID_OFF) {
            throw new AutoPayRefusedException("This loan is paid off; there is nothing for AutoPay to pay.");
        }
        refuse("startDate", AutoPayTermRules.startDateProblem(terms.startDate(), today, keptNext));
        LocalDate firstPayment = AutoPaySchedule.processDate(terms.startDate());
        if (profile.expiry() != null && profile.expiry().isBefore(YearMonth.from(firstPayment))) {
            // it would be accepted now and suspended at its first run
            throw new AutoPayRefusedException("profileId", profile.label() + " expires before the first payment on "
                    + Dates.day(firstPayment) + ". Choose another method, or an earlier date.");
        }
        if (terms.lastDayOfMonth()) {
            refuse("lastDayOfMonth", AutoPayTermRules.lastDayOfMonthProblem(terms.frequency(), terms.startDate()));
        }
        refuse("numberOfPayments", AutoPayTermRules.numberOfPaymentsProblem(terms.numberOfPayments()));
    }

    /** Why the method cannot pay AutoPay from {@code date} on, or nothing: the one rule of saved methods. */
    Optional<String> whyCannotPay(ProfileSummary profile, LocalDate date) {
        return profile.whyCannotPay(YearMonth.from(date), settings.payments());
    }

    /** The customer's own profile, locked, or a refusal pointing at the method step. */
    ProfileSummary lockProfile(long profileId) {
        try {
            return profiles.lockOwned(profileId);
        } catch (ProfileRefusedException refused) {
            throw new AutoPayRefusedException("profileId", refused.getMessage());
        }
    }

    private static void refuse(String field, Optional<String> problem) {
        problem.ifPresent(why -> {
            throw new AutoPayRefusedException(field, why);
        });
    }

    // --- the customer's AutoPay -----------------------------------------------------------------------------

    /** An AutoPay on a loan the customer can see (a co-borrower's too), or "not found". */
    AutoPay visible(AccountRef account, String reference) {
        return found(account, reference, autopays::findByReference);
    }

    /** The customer's own AutoPay on the loan, its row locked. */
    AutoPay lockedOwn(AccountRef account, String reference) {
        AutoPay autopay = found(account, reference, autopays::lockByReference);
        requireOwn(autopay.customerId());
        return autopay;
    }

    private static AutoPay found(AccountRef account, String reference, Function<String, Optional<AutoPay>> finder) {
        return finder.apply(reference == null ? "" : reference.trim())
                .filter(a -> a.accountId() == account.id())
                .orElseThrow(() -> new AutoPayRefusedException("That AutoPay was not found on this loan."));
    }

    // --- where an AutoPay pays next -------------------------------------------------------------------------

    /** The AutoPay's next date when the new terms keep its schedule's shape (same frequency and month-end rule). */
    LocalDate keptNextDate(AutoPay autopay, AutoPayTerms terms) {
        return terms.frequency() == autopay.frequency() && terms.lastDayOfMonth() == autopay.lastDayOfMonth()
                ? nextPaymentDate(autopay) : null;
    }

    /** The date AutoPay pays next: its next date when active, else the date it would pay next if resumed now. */
    LocalDate nextPaymentDate(AutoPay autopay) {
        if (autopay.status() == AutoPayStatus.ACTIVE || !autopay.status().open()) {
            return autopay.nextDueDate();
        }
        Integer index = resumeIndex(autopay, LocalDate.now(clock));
        return index == null ? null : autopay.schedule().dueDate(index);
    }

    /** The first date of the schedule after the last one dealt with whose money would move today or later. */
    Integer resumeIndex(AutoPay autopay, LocalDate today) {
        AutoPaySchedule schedule = autopay.schedule();
        int from = autopay.nextIndex();
        Optional<LocalDate> last = runs.lastDueDate(autopay.id());
        if (last.isPresent()) {
            Integer after = schedule.firstIndexAfter(last.get(), false);
            if (after == null) {
                return null;
            }
            from = Math.max(from, after);
        }
        for (int index = from; ; index++) {
            LocalDate due = schedule.dueDate(index);
            if (due == null || !AutoPaySchedule.processDate(due).isBefore(today)) {
                return due == null ? null : index;
            }
        }
    }
}
