package io.borrowerportal.autopay;

import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.account.AccountRef;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.LedgerPosting;
import io.borrowerportal.common.Money;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.paymentprofile.ProfileRefusedException;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.ChangesCustomerState;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPayFrequency;
import io.borrowerportal.settings.AutoPaySettings;
import io.borrowerportal.settings.FeeRule;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The served customer's AutoPays: what the wizard may offer, its review with the authorization text, and
 * scheduling, changing, pausing, resuming and cancelling one. Every rule of the lender is enforced here,
 * whatever the wizard showed. An AutoPay on a loan the customer cannot see is "not found"; only the borrower
 * who set one up can change it (a co-borrower sees it). Nothing here changes state during a staff preview.
 */
@Service
@PreAuthorize("hasRole('CUSTOMER')")
@Transactional(readOnly = true)
public class AutoPayService {

    /** How far ahead the first payment may be dated. */
    static final int MAX_DAYS_AHEAD = 365;
    private static final String ONLY_THE_OWNER = "Only the borrower who set up this AutoPay can change it.";
    private static final int UPCOMING = 6;
    private static final char[] REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final Collection<AutoPayStatus> OPEN =
            EnumSet.of(AutoPayStatus.ACTIVE, AutoPayStatus.PAUSED, AutoPayStatus.SUSPENDED);

    private final AccountService accounts;
    private final LedgerPosting posting;
    private final PaymentProfileService profiles;
    private final PaymentService payments;
    private final AutoPayRepository autopays;
    private final AutoPayRunRepository runs;
    private final AutoPayEventRepository events;
    private final SettingsService settings;
    private final CurrentUser currentUser;
    private final AutoPayLog log;
    private final AutoPayNotices notices;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AutoPayService(AccountService accounts, LedgerPosting posting, PaymentProfileService profiles,
                   PaymentService payments, AutoPayRepository autopays, AutoPayRunRepository runs,
                   AutoPayEventRepository events, SettingsService settings, CurrentUser currentUser, AutoPayLog log,
                   AutoPayNotices notices, Clock clock) {
        this.accounts = accounts;
        this.posting = posting;
        this.profiles = profiles;
        this.payments = payments;
        this.autopays = autopays;
        this.runs = runs;
        this.events = events;
        this.settings = settings;
        this.currentUser = currentUser;
        this.log = log;
        this.notices = notices;
        this.clock = clock;
    }

    /** What the "Schedule AutoPay" wizard may offer on this loan today, or why it cannot be used. */
    public AutoPayOptions options(String loanNumber) {
        AccountRef account = accounts.reference(loanNumber);
        AutoPaySettings rules = settings.autopay();
        PaymentSettings paying = settings.payments();
        LocalDate today = LocalDate.now(clock);
        LoanFigures figures = accounts.figuresOn(account.loanNumber(), today);
        String refusal = null;
        if (!rules.enabled() || !paying.enabled()) {
            refusal = "AutoPay is not offered online. Call " + settings.current().supportPhone() + " to set it up.";
        } else if (!rules.customerMayCreate()) {
            refusal = "AutoPay is set up by phone. Call " + settings.current().supportPhone() + ".";
        } else if (figures.status() == LoanStatus.PAID_OFF) {
            refusal = "This loan is paid off; there is nothing for AutoPay to pay.";
        } else if (autopays.countByAccountInStatus(account.id(), OPEN) >= rules.maxActivePerAccount()) {
            refusal = limitReached(rules, account);
        }
        return new AutoPayOptions(account.loanNumber(), account.title(), usableProfiles(paying, today),
                rules.frequencies(), rules.amountTypes(), paying.minimumAmount(), paying.maximumAmount(), today,
                today.plusDays(MAX_DAYS_AHEAD), figures.nextDueDate(), figures.scheduledPayment(), figures.amountDue(),
                figures.payoffAmount(), paying.cardAllowed(), paying.bankAllowed(), paying.cardFee(),
                paying.bankFee(), settings.current().supportPhone(), refusal);
    }

    /**
     * The wizard's review: the next runs, the fee and the authorization text for these terms. Checks every
     * rule a save would, so a refusal shows before the customer accepts anything; nothing is stored.
     *
     * @param reference the AutoPay being changed, or null for a new one
     */
    public AutoPayReview review(String loanNumber, String reference, AutoPayTerms terms) {
        AccountRef account = accounts.reference(loanNumber);
        AutoPaySettings rules = settings.autopay();
        requireOn(rules);
        LocalDate keptNext = null;
        if (reference == null) {
            requireCreatable(rules, account);
        } else {
            AutoPay existing = visible(account, reference);
            requireOwn(existing);
            requireEditable(rules, existing);
            keptNext = keptNextDate(existing, terms);
        }
        ProfileSummary profile = profiles.myProfiles().stream().filter(p -> p.id() == terms.profileId()).findFirst()
                .orElseThrow(() -> new AutoPayRefusedException("profileId",
                        "That payment method was not found. Choose one from your list."));
        LoanFigures figures = accounts.figuresOn(account.loanNumber(), LocalDate.now(clock));
        check(terms, profile, figures, keptNext);
        return reviewOf(account, terms, profile, figures);
    }

    /** Schedules a new AutoPay with the authorization the customer accepted (exactly the reviewed text). */
    @ChangesCustomerState
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AutoPaySummary schedule(String loanNumber, AutoPayTerms terms, String acceptedAuthorization) {
        AutoPaySettings rules = settings.autopay();
        requireOn(rules);
        AccountRef account = accounts.reference(loanNumber);
        // The account's row lock first (as payments take it), then the profiles: a second AutoPay at the same
        // moment waits here and then, reading committed rows, counts this one against the limit.
        LoanFigures figures = posting.lock(account.loanNumber(), LocalDate.now(clock)).figures();
        requireCreatable(rules, account);
        ProfileSummary profile = lockProfile(terms.profileId());
        check(terms, profile, figures, null);
        AutoPay.Authorization authorization = accepted(account, terms, profile, figures, acceptedAuthorization);
        PortalUser customer = currentUser.customer();
        AutoPay autopay = autopays.saveAndFlush(new AutoPay(reference(), account.id(), account.loanNumber(),
                customer.id(), terms, profile, authorization, customer.email(), clock.instant()));
        // The confirmation email says when the first payment is; no separate reminder for it within 3 days.
        if (!autopay.nextProcessDate().isAfter(LocalDate.now(clock).plusDays(AutoPayRunner.REMINDER_DAYS))) {
            autopay.remindedFor(autopay.nextDueDate());
        }
        log.authorized(autopay, authorization);
        log.record(autopay, AutoPayEvent.Action.SCHEDULED, describe(autopay));
        notices.scheduled(autopay);
        return summaries(account, List.of(autopay)).getFirst();
    }

    /**
     * Changes an AutoPay (the same wizard, prefilled) under a new authorization. Keeping the frequency and the
     * next payment's date keeps the schedule as it was; otherwise it starts over from the new first date, which
     * must come after the last date AutoPay already dealt with. A suspended AutoPay with a usable method
     * becomes active again.
     */
    @ChangesCustomerState
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AutoPaySummary change(String loanNumber, String reference, AutoPayTerms terms, String acceptedAuthorization) {
        AutoPaySettings rules = settings.autopay();
        requireOn(rules);
        AccountRef account = accounts.reference(loanNumber);
        // The customer's profiles before the AutoPay's row, in the order a run's page meets them.
        ProfileSummary profile = lockProfile(terms.profileId());
        AutoPay autopay = lockedOwn(account, reference);
        requireEditable(rules, autopay);
        LoanFigures figures = accounts.figuresOn(account.loanNumber(), LocalDate.now(clock));
        LocalDate currentNext = nextPaymentDate(autopay);
        check(terms, profile, figures, keptNextDate(autopay, terms));
        boolean sameSchedule = terms.frequency() == autopay.frequency() && terms.lastDayOfMonth() == autopay.lastDayOfMonth()
                && terms.startDate().equals(currentNext);
        Optional<LocalDate> lastRun = runs.lastDueDate(autopay.id());
        if (!sameSchedule && lastRun.isPresent() && !terms.startDate().isAfter(lastRun.get())) {
            throw new AutoPayRefusedException("startDate", "AutoPay already dealt with the payment of "
                    + AutoPayWording.day(lastRun.get()) + ". Choose a first payment date after that.");
        }
        AutoPay.Authorization authorization = accepted(account, terms, profile, figures, acceptedAuthorization);
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
        return summaries(account, List.of(autopay)).getFirst();
    }

    /** Stops an active AutoPay for now; due dates that pass while it is paused are not paid. */
    @ChangesCustomerState
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AutoPaySummary pause(String loanNumber, String reference) {
        AutoPaySettings rules = settings.autopay();
        requireOn(rules);
        if (!rules.customerMayCancel()) {
            throw new AutoPayRefusedException("To pause AutoPay, call " + settings.current().supportPhone() + ".");
        }
        AccountRef account = accounts.reference(loanNumber);
        AutoPay autopay = lockedOwn(account, reference);
        if (autopay.status() != AutoPayStatus.ACTIVE) {
            throw new AutoPayRefusedException("This AutoPay is " + autopay.status().label().toLowerCase(Locale.ROOT)
                    + "; only an active AutoPay can be paused.");
        }
        autopay.moveTo(AutoPayStatus.PAUSED, "Paused by you.", clock.instant());
        log.record(autopay, AutoPayEvent.Action.PAUSED, "Paused before the payment of " + AutoPayWording.day(autopay.nextProcessDate()));
        notices.changed(autopay, "it is paused and makes no payments until you resume it.");
        return summaries(account, List.of(autopay)).getFirst();
    }

    /**
     * Starts a paused (or suspended, once its method is usable again) AutoPay again, with the next date of its
     * schedule from today on. Allowed whatever the lender's edit and cancel switches: it only brings back what
     * the customer already authorized.
     */
    @ChangesCustomerState
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AutoPaySummary resume(String loanNumber, String reference) {
        requireOn(settings.autopay());
        AccountRef account = accounts.reference(loanNumber);
        // The customer's profiles before the AutoPay's row, in the order a run's page meets them. Owner and profile
        // are read as values: an AutoPay loaded here would be the very instance the lock returns, with the state
        // read before the lock.
        AutoPayRepository.Holder holder = autopays.holderOf(account.id(), reference == null ? "" : reference.trim())
                .orElseThrow(() -> new AutoPayRefusedException("That AutoPay was not found on this loan."));
        if (holder.getCustomerId() != currentUser.customerId()) {
            throw new AutoPayRefusedException(ONLY_THE_OWNER);
        }
        ProfileSummary profile = lockProfile(holder.getProfileId());
        AutoPay autopay = lockedOwn(account, reference);
        if (autopay.status() != AutoPayStatus.PAUSED && autopay.status() != AutoPayStatus.SUSPENDED) {
            throw new AutoPayRefusedException("This AutoPay is " + autopay.status().label().toLowerCase(Locale.ROOT)
                    + "; only a paused or suspended AutoPay can be resumed.");
        }
        LocalDate today = LocalDate.now(clock);
        String unusable = unusable(profile, settings.payments(), today);
        if (unusable != null) {
            throw new AutoPayRefusedException("profileId", unusable + " Edit this AutoPay to choose another method.");
        }
        Integer index = resumeIndex(autopay, today);
        if (index == null) {
            autopay.end(AutoPayStatus.COMPLETED, "Its last payment date passed while it was stopped.", clock.instant());
            log.record(autopay, AutoPayEvent.Action.COMPLETED, autopay.statusReason());
            notices.ended(autopay);
            return summaries(account, List.of(autopay)).getFirst();
        }
        autopay.restart(autopay.startDate(), index);
        autopay.moveTo(AutoPayStatus.ACTIVE, null, clock.instant());
        log.record(autopay, AutoPayEvent.Action.RESUMED, "Resumed; next payment " + AutoPayWording.day(autopay.nextProcessDate()));
        notices.changed(autopay, "it is on again; the next payment is on " + AutoPayWording.day(autopay.nextProcessDate()) + ".");
        return summaries(account, List.of(autopay)).getFirst();
    }

    /** Ends an AutoPay for good. Payments it already made stay as they are. */
    @ChangesCustomerState
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public AutoPaySummary cancel(String loanNumber, String reference) {
        AutoPaySettings rules = settings.autopay();
        requireOn(rules);
        if (!rules.customerMayCancel()) {
            throw new AutoPayRefusedException("To cancel AutoPay, call " + settings.current().supportPhone() + ".");
        }
        AccountRef account = accounts.reference(loanNumber);
        AutoPay autopay = lockedOwn(account, reference);
        if (!autopay.status().open()) {
            throw new AutoPayRefusedException("This AutoPay is already " + autopay.status().label().toLowerCase(Locale.ROOT) + ".");
        }
        autopay.end(AutoPayStatus.CANCELLED, "Cancelled by you.", clock.instant());
        log.record(autopay, AutoPayEvent.Action.CANCELLED, "Cancelled");
        notices.cancelled(autopay);
        return summaries(account, List.of(autopay)).getFirst();
    }

    /** Every AutoPay on the loan, newest first, by whichever of its borrowers set it up. */
    public List<AutoPaySummary> autopays(String loanNumber) {
        AccountRef account = accounts.reference(loanNumber);
        return summaries(account, autopays.findByAccountIdOrderByCreatedAtDescIdDesc(account.id()));
    }

    /**
     * The loan's active and suspended AutoPays, for the Summary's alerts. Most loans have none, so the AutoPays
     * are looked up first and the loan's visibility checked only when there are some to show; a loan the
     * customer cannot see gives the same empty answer as one without AutoPay.
     */
    public List<AutoPayAlert> alerts(String loanNumber) {
        List<AutoPay> found = autopays.findByLoanNumberAndStatusIn(loanNumber == null ? "" : loanNumber.trim(),
                EnumSet.of(AutoPayStatus.ACTIVE, AutoPayStatus.SUSPENDED));
        if (found.isEmpty()) {
            return List.of();
        }
        try {
            accounts.reference(loanNumber);
        } catch (AccountNotFoundException notVisible) {
            return List.of();
        }
        long me = currentUser.customerId();
        return found.stream().map(a -> new AutoPayAlert(a.reference(), a.status(), a.methodLabel(),
                a.nextProcessDate(), a.statusReason(), a.customerId() == me)).toList();
    }

    public AutoPaySummary autopay(String loanNumber, String reference) {
        AccountRef account = accounts.reference(loanNumber);
        return summaries(account, List.of(visible(account, reference))).getFirst();
    }

    // --- rules ----------------------------------------------------------------------------------------------

    /**
     * Every rule on the terms, in the order of the wizard's steps, so a refusal points at the earliest step.
     *
     * @param keptNext when changing an AutoPay, its next date: it may stay as the first date even when it has
     *                 passed, as long as its payment (moved off a weekend or holiday) is still to come
     */
    private void check(AutoPayTerms terms, ProfileSummary profile, LoanFigures figures, LocalDate keptNext) {
        AutoPaySettings rules = settings.autopay();
        PaymentSettings paying = settings.payments();
        requireOn(rules);
        LocalDate today = LocalDate.now(clock);
        String unusable = unusable(profile, paying, today);
        if (unusable != null) {
            throw new AutoPayRefusedException("profileId", unusable + " Choose another method.");
        }
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
        if (terms.amountType() == AutoPayAmountType.PAYOFF && terms.frequency() != AutoPayFrequency.ONE_TIME) {
            throw new AutoPayRefusedException("amountType", "The payoff can only be paid once. Choose \"One time\", "
                    + "or another amount for a repeating AutoPay.");
        }
        if (terms.amountType() == AutoPayAmountType.FIXED) {
            checkFixedAmount(terms.fixedAmount(), paying, figures);
        }
        if (figures.status() == LoanStatus.PAID_OFF) {
            throw new AutoPayRefusedException("This loan is paid off; there is nothing for AutoPay to pay.");
        }
        if (terms.startDate() == null) {
            throw new AutoPayRefusedException("startDate", "Choose the date of the first payment.");
        }
        boolean keepsPendingDate = terms.startDate().equals(keptNext)
                && !AutoPaySchedule.processDate(keptNext).isBefore(today);
        if (terms.startDate().isBefore(today) && !keepsPendingDate) {
            throw new AutoPayRefusedException("startDate", "The first payment date cannot be in the past. "
                    + "Choose today or a later date.");
        }
        if (terms.startDate().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new AutoPayRefusedException("startDate", "The first payment can be at most a year ahead. "
                    + "Choose a date on or before " + AutoPayWording.day(today.plusDays(MAX_DAYS_AHEAD)) + ".");
        }
        LocalDate firstPayment = AutoPaySchedule.processDate(terms.startDate());
        if (expiredBy(profile, firstPayment)) {
            // it would be accepted now and suspended at its first run
            throw new AutoPayRefusedException("profileId", profile.label() + " expires before the first payment on "
                    + AutoPayWording.day(firstPayment) + ". Choose another method, or an earlier date.");
        }
        if (terms.lastDayOfMonth()) {
            String problem = AutoPaySchedule.lastDayOfMonthProblem(terms.frequency(), terms.startDate());
            if (problem != null) {
                throw new AutoPayRefusedException("lastDayOfMonth", problem);
            }
        }
        Integer count = terms.numberOfPayments();
        if (count != null && (count < 1 || count > AutoPayTerms.MAX_PAYMENTS)) {
            throw new AutoPayRefusedException("numberOfPayments", "Enter how many payments AutoPay makes, 1 to "
                    + AutoPayTerms.MAX_PAYMENTS + ", or choose \"Until the loan is paid off\".");
        }
    }

    private static void checkFixedAmount(BigDecimal amount, PaymentSettings paying, LoanFigures figures) {
        if (amount == null || amount.signum() <= 0) {
            throw new AutoPayRefusedException("fixedAmount", "Enter the amount of each payment, for example 150.00.");
        }
        if (amount.stripTrailingZeros().scale() > Money.SCALE) {
            throw new AutoPayRefusedException("fixedAmount", "Enter dollars and cents only, for example 150.00.");
        }
        if (amount.compareTo(paying.minimumAmount()) < 0) {
            throw new AutoPayRefusedException("fixedAmount", "The smallest payment accepted online is "
                    + Money.format(paying.minimumAmount()) + ". Enter at least that much.");
        }
        if (amount.compareTo(paying.maximumAmount()) > 0) {
            throw new AutoPayRefusedException("fixedAmount", "The largest payment accepted online is "
                    + Money.format(paying.maximumAmount()) + ". Enter a smaller amount.");
        }
        if (amount.compareTo(figures.payoffAmount()) > 0) {
            throw new AutoPayRefusedException("fixedAmount", "That is more than the payoff amount of "
                    + Money.format(figures.payoffAmount()) + ". Enter a smaller amount, or choose a one-time payoff.");
        }
    }

    /** Why this profile cannot pay AutoPay, in the customer's words, or null when it can. */
    static String unusable(ProfileSummary profile, PaymentSettings paying, LocalDate today) {
        if (!profile.usable()) {
            return profile.label() + " can no longer be used.";
        }
        if (expiredBy(profile, today)) {
            return profile.label() + " has expired.";
        }
        if (profile.channel() == PaymentChannel.CARD ? !paying.cardAllowed() : !paying.bankAllowed()) {
            return "The lender does not accept " + profile.channel().label().toLowerCase(Locale.ROOT) + " payments online.";
        }
        return null;
    }

    /** A card whose expiry month ends before {@code date}. */
    private static boolean expiredBy(ProfileSummary profile, LocalDate date) {
        return profile.channel() == PaymentChannel.CARD
                && YearMonth.of(profile.expiryYear(), profile.expiryMonth()).isBefore(YearMonth.from(date));
    }

    private void requireOn(AutoPaySettings rules) {
        if (!rules.enabled() || !settings.payments().enabled()) {
            throw new AutoPayRefusedException("AutoPay is not offered online. Call " + settings.current().supportPhone() + ".");
        }
    }

    private void requireCreatable(AutoPaySettings rules, AccountRef account) {
        if (!rules.customerMayCreate()) {
            throw new AutoPayRefusedException("AutoPay is set up by phone. Call " + settings.current().supportPhone() + ".");
        }
        if (autopays.countByAccountInStatus(account.id(), OPEN) >= rules.maxActivePerAccount()) {
            throw new AutoPayRefusedException(limitReached(rules, account));
        }
    }

    private void requireEditable(AutoPaySettings rules, AutoPay autopay) {
        if (!rules.customerMayEdit()) {
            throw new AutoPayRefusedException("AutoPay is changed by phone. Call " + settings.current().supportPhone() + ".");
        }
        if (!autopay.status().open()) {
            throw new AutoPayRefusedException("This AutoPay is " + autopay.status().label().toLowerCase(Locale.ROOT)
                    + " and can no longer be changed. Schedule a new one instead.");
        }
    }

    private void requireOwn(AutoPay autopay) {
        if (autopay.customerId() != currentUser.customerId()) {
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

    private ProfileSummary lockProfile(long profileId) {
        try {
            return profiles.lockOwned(profileId);
        } catch (ProfileRefusedException refused) {
            throw new AutoPayRefusedException("profileId", refused.getMessage());
        }
    }

    private List<ProfileSummary> usableProfiles(PaymentSettings paying, LocalDate today) {
        return profiles.myProfiles().stream().filter(p -> unusable(p, paying, today) == null).toList();
    }

    /**
     * The authorization for these terms, as the customer must have accepted it: the text shown at review
     * must be the text these terms give now (a fee or the lender's rules may have changed in between).
     */
    private AutoPay.Authorization accepted(AccountRef account, AutoPayTerms terms, ProfileSummary profile,
                                           LoanFigures figures, String acceptedText) {
        if (acceptedText == null || acceptedText.isBlank()) {
            throw new AutoPayRefusedException("authorization", "Read the authorization and check \"I authorize\" to finish.");
        }
        String text = reviewOf(account, terms, profile, figures).authorizationText();
        if (!text.equals(acceptedText)) {
            throw new AutoPayRefusedException("authorization", "The terms changed since you reviewed them. "
                    + "Read the authorization again and accept it to finish.");
        }
        return new AutoPay.Authorization(AutoPayWording.VERSION, text, clock.instant(), clientAddress());
    }

    /** The address the request came from, as the servlet container saw it (behind a proxy, configure forwarding). */
    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            String address = request.getRequest().getRemoteAddr();
            if (address != null && !address.isBlank()) {
                return address.length() <= 64 ? address : address.substring(0, 64);
            }
        }
        return "unknown";
    }

    private AutoPayReview reviewOf(AccountRef account, AutoPayTerms terms, ProfileSummary profile, LoanFigures figures) {
        WebsiteSettings website = settings.current();
        PaymentSettings paying = settings.payments();
        FeeRule fee = profile.channel() == PaymentChannel.CARD ? paying.cardFee() : paying.bankFee();
        AutoPaySchedule schedule = new AutoPaySchedule(terms.frequency(), terms.startDate(), terms.lastDayOfMonth());
        int count = terms.numberOfPayments() == null ? UPCOMING : Math.min(UPCOMING, terms.numberOfPayments());
        BigDecimal estimate = switch (terms.amountType()) {
            case SCHEDULED_PAYMENT -> figures.scheduledPayment();
            case FIXED -> terms.fixedAmount();
            case AMOUNT_DUE, PAYOFF -> null;
        };
        List<AutoPayReview.UpcomingRun> upcoming = schedule.dueDates(0, count).stream().map(due -> {
            LocalDate process = AutoPaySchedule.processDate(due);
            return new AutoPayReview.UpcomingRun(due, process, estimate, estimate == null ? null : fee.feeFor(estimate),
                    !process.equals(due));
        }).toList();
        String when = AutoPayWording.schedule(terms.frequency(), terms.startDate(), terms.lastDayOfMonth(),
                terms.numberOfPayments());
        String amount = AutoPayWording.amount(terms.amountType(), terms.fixedAmount(), figures.scheduledPayment());
        String text = AutoPayWording.authorization(currentUser.customer().displayName(), website.lenderName(),
                website.supportPhone(), account.loanNumber(), profile.channel(), profile.label(), when, amount, fee,
                paying.nsfFee(), terms.processOnlyWhenDue());
        if (terms.processOnlyWhenDue()) {
            when += "; skipped when nothing is due";
        }
        return new AutoPayReview(profile.label(), when, AutoPayWording.capitalized(amount),
                AutoPayWording.capitalized(AutoPayWording.fee(fee)), upcoming, AutoPayWording.VERSION, text,
                notice(terms, figures, upcoming.getFirst().processDate()));
    }

    /** A first date before the installment it is meant for pays nothing when AutoPay pays only what is due. */
    private static String notice(AutoPayTerms terms, LoanFigures figures, LocalDate firstDate) {
        boolean paysWhatIsDue = terms.amountType() == AutoPayAmountType.AMOUNT_DUE || terms.processOnlyWhenDue();
        if (!paysWhatIsDue || figures.nextDueDate() == null || figures.dueBy(firstDate).signum() > 0) {
            return null;
        }
        return "Nothing is due on the loan by " + AutoPayWording.day(firstDate) + ": the next installment is due "
                + AutoPayWording.day(figures.nextDueDate()) + ". AutoPay pays only what is due, so the first date pays "
                + "nothing unless you choose " + AutoPayWording.day(figures.nextDueDate()) + " or later.";
    }

    // --- the AutoPay itself ---------------------------------------------------------------------------------

    private AutoPay visible(AccountRef account, String reference) {
        return autopays.findByReference(reference == null ? "" : reference.trim())
                .filter(a -> a.accountId() == account.id())
                .orElseThrow(() -> new AutoPayRefusedException("That AutoPay was not found on this loan."));
    }

    private AutoPay lockedOwn(AccountRef account, String reference) {
        AutoPay autopay = autopays.lockByReference(reference == null ? "" : reference.trim())
                .filter(a -> a.accountId() == account.id())
                .orElseThrow(() -> new AutoPayRefusedException("That AutoPay was not found on this loan."));
        requireOwn(autopay);
        return autopay;
    }

    private String reference() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = REFERENCE_ALPHABET[random.nextInt(REFERENCE_ALPHABET.length)];
        }
        return "AP-" + new String(code);
    }

    /** The AutoPay's next date when the new terms keep its schedule's shape (same frequency and month-end rule). */
    private LocalDate keptNextDate(AutoPay autopay, AutoPayTerms terms) {
        return terms.frequency() == autopay.frequency() && terms.lastDayOfMonth() == autopay.lastDayOfMonth()
                ? nextPaymentDate(autopay) : null;
    }

    /** The date AutoPay pays next: its next date when active, else the date it would pay next if resumed now. */
    private LocalDate nextPaymentDate(AutoPay autopay) {
        if (autopay.status() == AutoPayStatus.ACTIVE || !autopay.status().open()) {
            return autopay.nextDueDate();
        }
        Integer index = resumeIndex(autopay, LocalDate.now(clock));
        return index == null ? null : autopay.schedule().dueDate(index);
    }

    /** The first date of the schedule after the last one dealt with whose money would move today or later. */
    private Integer resumeIndex(AutoPay autopay, LocalDate today) {
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

    /** "$150.00, monthly on the 25th, from December 25, 2026, for 12 payments, with Checking •••• 6789". */
    static String describe(AutoPay autopay) {
        return AutoPayWording.capitalized(AutoPayWording.amount(autopay.amountType(), autopay.fixedAmount(), null))
                + ", " + AutoPayWording.uncapitalized(AutoPayWording.schedule(autopay.frequency(), autopay.startDate(),
                autopay.lastDayOfMonth(), autopay.numberOfPayments()))
                + ", with " + autopay.methodLabel();
    }

    private List<AutoPaySummary> summaries(AccountRef account, List<AutoPay> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        long me = currentUser.servedCustomer().map(PortalUser::id).orElse(-1L);
        List<Long> ids = list.stream().map(AutoPay::id).toList();
        Map<Long, List<AutoPayRun>> runsById = runs.findByAutopayIdInOrderByDueDateDesc(ids).stream()
                .collect(Collectors.groupingBy(AutoPayRun::autopayId));
        Map<Long, List<AutoPayEvent>> eventsById = events.findByAutopayIdInOrderByOccurredAtAscIdAsc(ids).stream()
                .collect(Collectors.groupingBy(AutoPayEvent::autopayId));
        Map<String, PaymentStatus> paymentStatus = runsById.isEmpty() ? Map.of()
                : payments.payments(account.loanNumber()).stream().filter(p -> p.madeBy() != null)
                .collect(Collectors.toMap(PaymentSummary::confirmationNumber, PaymentSummary::status));
        AutoPaySettings rules = settings.autopay();
        boolean on = rules.enabled() && settings.payments().enabled();
        return list.stream().map(a -> {
            boolean mine = a.customerId() == me;
            boolean open = a.status().open();
            List<AutoPaySummary.Run> runList = runsById.getOrDefault(a.id(), List.of()).stream()
                    .map(r -> new AutoPaySummary.Run(r.dueDate(), r.processDate(), outcomeLabel(r.outcome()),
                            r.paymentConfirmation(), r.amount(),
                            r.paymentConfirmation() == null ? null : paymentStatus.get(r.paymentConfirmation()), r.note()))
                    .toList();
            List<AutoPaySummary.Change> history = eventsById.getOrDefault(a.id(), List.of()).stream()
                    .map(e -> e.toChange(by(e.actor()))).toList();
            LocalDate next = open ? nextPaymentDate(a) : null;
            return new AutoPaySummary(a.reference(), a.loanNumber(), a.profileId(), a.methodLabel(), a.frequency(),
                    a.amountType(), a.fixedAmount(), a.startDate(), a.lastDayOfMonth(), a.processOnlyWhenDue(),
                    a.numberOfPayments(), a.paymentsMade(), next, next == null ? null : AutoPaySchedule.processDate(next),
                    a.status(), a.statusReason(), mine, a.authorizedAt(),
                    mine && on && open && rules.customerMayEdit(),
                    mine && on && a.status() == AutoPayStatus.ACTIVE && rules.customerMayCancel(),
                    mine && on && (a.status() == AutoPayStatus.PAUSED || a.status() == AutoPayStatus.SUSPENDED),
                    mine && on && open && rules.customerMayCancel(),
                    runList, history);
        }).toList();
    }

    /** Only the owner and the AutoPay run change an AutoPay, so anyone else named is the co-borrower who owns it. */
    private String by(String actor) {
        if (SystemTask.ACTOR.equals(actor)) {
            return "Automatic";
        }
        return currentUser.servedCustomer().map(PortalUser::email).filter(actor::equalsIgnoreCase).isPresent()
                ? "You" : "Co-borrower";
    }

    private static String outcomeLabel(AutoPayRun.Outcome outcome) {
        return switch (outcome) {
            case PAID -> "Paid";
            case SKIPPED -> "Skipped";
            case ENDED -> "Ended";
            case FAILED -> "Not paid";
        };
    }
}
