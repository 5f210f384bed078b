package io.borrowerportal.autopay;

import io.borrowerportal.account.AccountRef;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.LedgerPosting;
import io.borrowerportal.common.Dates;
import io.borrowerportal.common.References;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.ChangesCustomerState;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * What the served customer does with an AutoPay: schedule one, change, pause, resume or cancel it. Every rule
 * of the lender is checked here ({@link AutoPayChecks}), whatever the wizard showed; the wizard's options and
 * review are {@link AutoPayReviews}, the tab's read model {@link AutoPayQueries}. An AutoPay on a loan the
 * customer cannot see is "not found"; only the borrower who set one up can change it (a co-borrower sees it).
 * Nothing here changes state during a staff preview.
 */
@Service
@PreAuthorize("hasRole('CUSTOMER')")
@Transactional(readOnly = true)
public class AutoPayService {

    private final AccountService accounts;
    private final LedgerPosting posting;
    private final AutoPayRepository autopays;
    private final AutoPayRunRepository runs;
    private final AutoPayChecks checks;
    private final AutoPayReviews reviews;
    private final AutoPayQueries queries;
    private final CurrentUser currentUser;
    private final AutoPayLog log;
    private final AutoPayNotices notices;
    private final Clock clock;

    AutoPayService(AccountService accounts, LedgerPosting posting, AutoPayRepository autopays,
                   AutoPayRunRepository runs, AutoPayChecks checks, AutoPayReviews reviews, AutoPayQueries queries,
                   CurrentUser currentUser, AutoPayLog log, AutoPayNotices notices, Clock clock) {
        this.accounts = accounts;
        this.posting = posting;
        this.autopays = autopays;
        this.runs = runs;
        this.checks = checks;
        this.reviews = reviews;
        this.queries = queries;
        this.currentUser = currentUser;
        this.log = log;
        this.notices = notices;
        this.clock = clock;
    }

    /** Schedules a new AutoPay with the authorization the customer accepted (exactly the reviewed text). */
    @ChangesCustomerState
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AutoPaySummary schedule(String loanNumber, AutoPayTerms terms, String acceptedAuthorization,
                                   String clientAddress) {
        checks.requireOffered();
        AccountRef account = accounts.reference(loanNumber);
        // The account's row lock first (as payments take it), then the profiles: a second AutoPay at the same
        // moment waits here and then, reading committed rows, counts this one against the limit.
        LoanFigures figures = posting.lock(account.loanNumber(), LocalDate.now(clock)).figures();
        checks.requireCreatable(account);
        ProfileSummary profile = checks.lockProfile(terms.profileId());
        checks.check(terms, profile, figures, null, accounts.info(account.loanNumber()).balanceUnderReview());
        AutoPay.Authorization authorization = reviews.accepted(account, terms, profile, figures, acceptedAuthorization,
                clientAddress);
        PortalUser customer = currentUser.customer();
        AutoPay autopay = autopays.saveAndFlush(new AutoPay(References.next("AP"), account.id(), account.loanNumber(),
                customer.id(), terms, profile, authorization, customer.email(), clock.instant()));
        // The confirmation email says when the first payment is; no separate reminder for it within 3 days.
        if (!autopay.nextProcessDate().isAfter(LocalDate.now(clock).plusDays(AutoPayRunner.REMINDER_DAYS))) {
            autopay.remindedFor(autopay.nextDueDate());
        }
        log.authorized(autopay, authorization);
        log.record(autopay, AutoPayEvent.Action.SCHEDULED, describe(autopay));
        notices.scheduled(autopay);
        return queries.summary(account, autopay);
    }

    /**
     * Changes an AutoPay (the same wizard, prefilled) under a new authorization. Keeping the frequency and the
     * next payment's date keeps the schedule as it was; otherwise it starts over from the new first date, which
     * must come after the last date AutoPay already dealt with. A suspended AutoPay with a usable method
     * becomes active again.
     */
    @ChangesCustomerState
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AutoPaySummary change(String loanNumber, String reference, AutoPayTerms terms, String acceptedAuthorization,
                                 String clientAddress) {
        checks.requireOffered();
        AccountRef account = accounts.reference(loanNumber);
        // The customer's profiles before the AutoPay's row, in the order a run's page meets them.
        ProfileSummary profile = checks.lockProfile(terms.profileId());
        AutoPay autopay = checks.lockedOwn(account, reference);
        checks.requireEditable(autopay);
        LoanFigures figures = accounts.figuresOn(account.loanNumber(), LocalDate.now(clock));
        LocalDate currentNext = checks.nextPaymentDate(autopay);
        checks.check(terms, profile, figures, checks.keptNextDate(autopay, terms),
                accounts.info(account.loanNumber()).balanceUnderReview());
        boolean sameSchedule = terms.frequency() == autopay.frequency() && terms.lastDayOfMonth() == autopay.lastDayOfMonth()
                && terms.startDate().equals(currentNext);
        Optional<LocalDate> lastRun = runs.lastDueDate(autopay.id());
        if (!sameSchedule && lastRun.isPresent() && !terms.startDate().isAfter(lastRun.get())) {
            throw new AutoPayRefusedException("startDate", "AutoPay already dealt with the payment of "
                    + Dates.day(lastRun.get()) + ". Choose a first payment date after that.");
        }
        AutoPay.Authorization authorization = reviews.accepted(account, terms, profile, figures, acceptedAuthorization,
                clientAddress);
        String before = describe(autopay);
        autopay.change(terms, profile, authorization, clock.instant());
        log.authorized(autopay, authorization);
        if (sameSchedule) {
            autopay.restart(autopay.startDate(), autopay.schedule().firstIndexAfter(currentNext, true));
        } else {
            autopay.restart(terms.startDate(), 0);
        }
        String what = "from " + before + " to " + describe(autopay);
        if (autopay.status() == AutoPayStatus.SUSPENDED) {
            autopay.moveTo(AutoPayStatus.ACTIVE, null, clock.instant());
            what += "; active again";
        }
        log.record(autopay, AutoPayEvent.Action.CHANGED, what);
        notices.changed(autopay, describe(autopay) + (autopay.status() == AutoPayStatus.PAUSED ? " (still paused)" : ""));
        return queries.summary(account, autopay);
    }

    /** Stops an active AutoPay for now; due dates that pass while it is paused are not paid. */
    @ChangesCustomerState
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AutoPaySummary pause(String loanNumber, String reference) {
        checks.requireOffered();
        checks.requireStoppable("pause");
        AccountRef account = accounts.reference(loanNumber);
        AutoPay autopay = checks.lockedOwn(account, reference);
        if (autopay.status() != AutoPayStatus.ACTIVE) {
            throw new AutoPayRefusedException("This AutoPay is " + autopay.status().label().toLowerCase(Locale.ROOT)
                    + "; only an active AutoPay can be paused.");
        }
        autopay.moveTo(AutoPayStatus.PAUSED, "Paused by you.", clock.instant());
        log.record(autopay, AutoPayEvent.Action.PAUSED, "Paused before the payment of " + Dates.day(autopay.nextProcessDate()));
        notices.changed(autopay, "it is paused and makes no payments until you resume it.");
        return queries.summary(account, autopay);
    }

    /**
     * Starts a paused (or suspended, once its method is usable again) AutoPay again, with the next date of its
     * schedule from today on. Allowed whatever the lender's edit and cancel switches: it only brings back what
     * the customer already authorized.
     */
    @ChangesCustomerState
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AutoPaySummary resume(String loanNumber, String reference) {
        checks.requireOffered();
        AccountRef account = accounts.reference(loanNumber);
        // The customer's profiles before the AutoPay's row, in the order a run's page meets them. Owner and profile
        // are read as values: an AutoPay loaded here would be the very instance the lock returns, with the state
        // read before the lock.
        AutoPayRepository.Holder holder = autopays.holderOf(account.id(), reference == null ? "" : reference.trim())
                .orElseThrow(() -> new AutoPayRefusedException("That AutoPay was not found on this loan."));
        checks.requireOwn(holder.getCustomerId());
        ProfileSummary profile = checks.lockProfile(holder.getProfileId());
        AutoPay autopay = checks.lockedOwn(account, reference);
        if (autopay.status() != AutoPayStatus.PAUSED && autopay.status() != AutoPayStatus.SUSPENDED) {
            throw new AutoPayRefusedException("This AutoPay is " + autopay.status().label().toLowerCase(Locale.ROOT)
                    + "; only a paused or suspended AutoPay can be resumed.");
        }
        LocalDate today = LocalDate.now(clock);
        checks.whyCannotPay(profile, today).ifPresent(why -> {
            throw new AutoPayRefusedException("profileId", why + " Edit this AutoPay to choose another method.");
        });
        Integer index = checks.resumeIndex(autopay, today);
        if (index == null) {
            autopay.end(AutoPayStatus.COMPLETED, "Its last payment date passed while it was stopped.", clock.instant());
            log.record(autopay, AutoPayEvent.Action.COMPLETED, autopay.statusReason());
            notices.ended(autopay);
            return queries.summary(account, autopay);
        }
        autopay.restart(autopay.startDate(), index);
        autopay.moveTo(AutoPayStatus.ACTIVE, null, clock.instant());
        log.record(autopay, AutoPayEvent.Action.RESUMED, "Resumed; next payment " + Dates.day(autopay.nextProcessDate()));
        notices.changed(autopay, "it is on again; the next payment is on " + Dates.day(autopay.nextProcessDate()) + ".");
        return queries.summary(account, autopay);
    }

    /** Ends an AutoPay for good. Payments it already made stay as they are. */
    @ChangesCustomerState
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AutoPaySummary cancel(String loanNumber, String reference) {
        checks.requireOffered();
        checks.requireStoppable("cancel");
        AccountRef account = accounts.reference(loanNumber);
        AutoPay autopay = checks.lockedOwn(account, reference);
        if (!autopay.status().open()) {
            throw new AutoPayRefusedException("This AutoPay is already " + autopay.status().label().toLowerCase(Locale.ROOT) + ".");
        }
        autopay.end(AutoPayStatus.CANCELLED, "Cancelled by you.", clock.instant());
        log.record(autopay, AutoPayEvent.Action.CANCELLED, "Cancelled");
        notices.cancelled(autopay);
        return queries.summary(account, autopay);
    }

    /** "$150.00, monthly on the 25th, from December 25, 2026, for 12 payments, with Checking •••• 6789". */
    static String describe(AutoPay autopay) {
        return AutoPayWording.capitalized(AutoPayWording.amount(autopay.amountType(), autopay.fixedAmount(), null))
                + ", " + AutoPayWording.uncapitalized(AutoPayWording.schedule(autopay.frequency(), autopay.startDate(),
                autopay.lastDayOfMonth(), autopay.numberOfPayments()))
                + ", with " + autopay.methodLabel();
    }
}
