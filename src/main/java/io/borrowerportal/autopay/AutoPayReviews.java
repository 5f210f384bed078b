package io.borrowerportal.autopay;

import io.borrowerportal.account.AccountRef;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.common.Dates;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.settings.AutoPayAmountType;
import io.borrowerportal.settings.AutoPaySettings;
import io.borrowerportal.settings.FeeRule;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the "Schedule AutoPay" wizard may offer, and its review: the next runs, the fee and the authorization
 * text the customer accepts. A save checks that the accepted text is still the text its terms give
 * ({@link #accepted}). Nothing here is stored.
 */
@Service
@PreAuthorize("hasRole('CUSTOMER')")
@Transactional(readOnly = true)
public class AutoPayReviews {

    /** Upcoming runs the review lists. */
    private static final int UPCOMING = 6;
    /** The longest client address kept with an authorization (an IPv6 address with a zone fits). */
    private static final int ADDRESS_LENGTH = 64;

    private final AccountService accounts;
    private final PaymentProfileService profiles;
    private final AutoPayChecks checks;
    private final SettingsService settings;
    private final CurrentUser currentUser;
    private final Clock clock;

    AutoPayReviews(AccountService accounts, PaymentProfileService profiles, AutoPayChecks checks,
                   SettingsService settings, CurrentUser currentUser, Clock clock) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.checks = checks;
        this.settings = settings;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** What the "Schedule AutoPay" wizard may offer on this loan today, or why it cannot be used. */
    public AutoPayOptions options(String loanNumber) {
        AccountRef account = accounts.reference(loanNumber);
        AutoPaySettings rules = settings.autopay();
        PaymentSettings paying = settings.payments();
        LocalDate today = LocalDate.now(clock);
        LoanFigures figures = accounts.figuresOn(account.loanNumber(), today);
        List<ProfileSummary> usable = profiles.myProfiles().stream()
                .filter(p -> checks.whyCannotPay(p, today).isEmpty()).toList();
        String phone = settings.current().supportPhone();
        String refusal = checks.whyNoNewAutoPay(account, figures).orElse(null);
        if (accounts.info(account.loanNumber()).balanceUnderReview()) {
            // Like Make a Payment (decision 032): a fixed amount only, and no figure from the balance quoted.
            Set<AutoPayAmountType> fixedOnly = rules.amountTypes().contains(AutoPayAmountType.FIXED)
                    ? Set.of(AutoPayAmountType.FIXED) : Set.of();
            return new AutoPayOptions(account.loanNumber(), account.title(), usable, rules.frequencies(), fixedOnly,
                    paying.minimumAmount(), paying.maximumAmount(), AutoPayTermRules.earliestStart(today),
                    AutoPayTermRules.latestStart(today), figures.nextDueDate(), null, null, null, paying.cardAllowed(),
                    paying.bankAllowed(), paying.cardFee(), paying.bankFee(), phone,
                    refusal != null || !fixedOnly.isEmpty() ? refusal : BalanceReviews.notice(phone), true);
        }
        return new AutoPayOptions(account.loanNumber(), account.title(), usable, rules.frequencies(),
                rules.amountTypes(), paying.minimumAmount(), paying.maximumAmount(),
                AutoPayTermRules.earliestStart(today), AutoPayTermRules.latestStart(today), figures.nextDueDate(),
                figures.scheduledPayment(), figures.amountDue(), figures.payoffAmount(), paying.cardAllowed(),
                paying.bankAllowed(), paying.cardFee(), paying.bankFee(), phone, refusal, false);
    }

    /**
     * The wizard's review: the next runs, the fee and the authorization text for these terms. Checks every
     * rule a save would, so a refusal shows before the customer accepts anything; nothing is stored.
     *
     * @param reference the AutoPay being changed, or null for a new one
     */
    public AutoPayReview review(String loanNumber, String reference, AutoPayTerms terms) {
        AccountRef account = accounts.reference(loanNumber);
        checks.requireOffered();
        LocalDate keptNext = null;
        if (reference == null) {
            checks.requireCreatable(account);
        } else {
            AutoPay existing = checks.visible(account, reference);
            checks.requireOwn(existing.customerId());
            checks.requireEditable(existing);
            keptNext = checks.keptNextDate(existing, terms);
        }
        ProfileSummary profile = profiles.myProfiles().stream().filter(p -> p.id() == terms.profileId()).findFirst()
                .orElseThrow(() -> new AutoPayRefusedException("profileId",
                        "That payment method was not found. Choose one from your list."));
        LoanFigures figures = accounts.figuresOn(account.loanNumber(), LocalDate.now(clock));
        checks.check(terms, profile, figures, keptNext, accounts.info(account.loanNumber()).balanceUnderReview());
        return reviewOf(account, terms, profile, figures);
    }

    /**
     * The authorization for these terms, as the customer must have accepted it: the text shown at review
     * must be the text these terms give now (a fee or the lender's rules may have changed in between).
     *
     * @param clientAddress the address the customer's browser connected from, kept with the authorization
     */
    AutoPay.Authorization accepted(AccountRef account, AutoPayTerms terms, ProfileSummary profile,
                                   LoanFigures figures, String acceptedText, String clientAddress) {
        if (acceptedText == null || acceptedText.isBlank()) {
            throw new AutoPayRefusedException("authorization", "Read the authorization and check \"I authorize\" to finish.");
        }
        String text = reviewOf(account, terms, profile, figures).authorizationText();
        if (!text.equals(acceptedText)) {
            throw new AutoPayRefusedException("authorization", "The terms changed since you reviewed them. "
                    + "Read the authorization again and accept it to finish.");
        }
        return new AutoPay.Authorization(AutoPayWording.VERSION, text, clock.instant(), address(clientAddress));
    }

    private static String address(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return "unknown";
        }
        String address = clientAddress.strip();
        return address.length() <= ADDRESS_LENGTH ? address : address.substring(0, ADDRESS_LENGTH);
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
        return "Nothing is due on the loan by " + Dates.day(firstDate) + ": the next installment is due "
                + Dates.day(figures.nextDueDate()) + ". AutoPay pays only what is due, so the first date pays "
                + "nothing unless you choose " + Dates.day(figures.nextDueDate()) + " or later.";
    }
}
