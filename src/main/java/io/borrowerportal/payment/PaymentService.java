package io.borrowerportal.payment;

import io.borrowerportal.account.AccountInfo;
import io.borrowerportal.account.AccountRef;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.account.BalanceReviews;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.common.Dates;
import io.borrowerportal.ledger.Allocation;
import io.borrowerportal.ledger.LoanFigures;
import io.borrowerportal.ledger.LoanStatus;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.PaymentMethod;
import io.borrowerportal.paymentprofile.ProfileRefusedException;
import io.borrowerportal.paymentprofile.PaymentProfileService;
import io.borrowerportal.paymentprofile.ProfileSummary;
import io.borrowerportal.security.ActorAudit;
import io.borrowerportal.security.ChangesCustomerState;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.PreviewService;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.PaymentType;
import io.borrowerportal.settings.SettingsService;
import io.borrowerportal.settings.WebsiteSettings;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Payments on the served customer's loans: what may be paid, a review before paying, the payment itself,
 * its status and receipt, cancelling a scheduled one, and the payoff quote letter. Every rule of the
 * lender is enforced here, whatever the form showed; a loan the customer cannot see is "not found".
 */
@Service
@PreAuthorize("hasRole('CUSTOMER')")
@Transactional(readOnly = true)
public class PaymentService {

    /** The payment types offered while a loan's balance is under review (decision 032). */
    static final Set<PaymentType> UNDER_REVIEW_TYPES = Set.of(PaymentType.CUSTOM);

    private final AccountService accounts;
    private final PaymentProfileService profileService;
    private final PaymentRepository payments;
    private final PaymentEventRepository events;
    private final PaymentLifecycle lifecycle;
    private final SettingsService settings;
    private final CurrentUser currentUser;
    private final ActorAudit audit;
    private final PreviewService previews;
    private final PaymentFormKeys formKeys;
    private final Clock clock;

    PaymentService(AccountService accounts, PaymentProfileService profileService, PaymentRepository payments,
                   PaymentEventRepository events, PaymentLifecycle lifecycle, SettingsService settings,
                   CurrentUser currentUser, ActorAudit audit, PreviewService previews, PaymentFormKeys formKeys,
                   Clock clock) {
        this.formKeys = formKeys;
        this.previews = previews;
        this.accounts = accounts;
        this.profileService = profileService;
        this.payments = payments;
        this.events = events;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What the payment form may offer on this loan now, with a fresh idempotency key for the form, issued to the
     * customer served ({@link PaymentFormKeys}).
     */
    public PaymentOptions options(String loanNumber) {
        AccountInfo account = accounts.info(loanNumber);
        PaymentSettings rules = settings.payments();
        LocalDateTime now = LocalDateTime.now(clock);
        LoanFigures figures = accounts.figuresOn(account.loanNumber(), now.toLocalDate());
        String refusal = null;
        if (!rules.enabled()) {
            refusal = "Online payments are turned off. Call " + settings.current().supportPhone() + " to pay.";
        } else if (figures.status() == LoanStatus.PAID_OFF) {
            refusal = "This loan is paid off; there is nothing to pay.";
        }
        List<ProfileSummary> usable = profileService.myProfiles().stream()
                .filter(ProfileSummary::usable)
                .filter(p -> p.channel() == PaymentChannel.CARD ? rules.cardAllowed() : rules.bankAllowed())
                .toList();
        boolean afterCutoff = !now.toLocalTime().isBefore(settings.current().cutoffTime());
        boolean underReview = account.balanceUnderReview();
        Set<PaymentType> types = underReview ? rules.types().stream().filter(UNDER_REVIEW_TYPES::contains)
                .collect(Collectors.toSet()) : rules.types();
        if (refusal == null && types.isEmpty()) {
            refusal = balanceUnderReview();
        }
        return new PaymentOptions(account.loanNumber(), account.title(), formKeys.issue(currentUser.customer().id()), types,
                figures.amountDue(), figures.payoffAmount(), figures.principalBalance(), figures.nextDueDate(),
                rules.minimumAmount(), rules.maximumAmount(), now.toLocalDate(),
                now.toLocalDate().plusDays(rules.maxDaysAhead()), settings.current().cutoffTime(), afterCutoff,
                rules.cardAllowed(), rules.bankAllowed(), rules.cardFee(), rules.bankFee(), usable, refusal,
                underReview);
    }

    /**
     * While the loan's balance is under review (it differs from the servicing system's, decision 032) a payment is
     * still taken, but only of an amount the customer types: amount due, payoff and principal only are figures from
     * the balance, which is not quoted until it is right again.
     */
    private void requireQuotable(String loanNumber, PaymentType type) {
        if (type != null && !UNDER_REVIEW_TYPES.contains(type) && accounts.info(loanNumber).balanceUnderReview()) {
            throw new PaymentRefusedException("type", balanceUnderReview() + " Until then you can pay a custom amount.");
        }
    }

    private String balanceUnderReview() {
        return BalanceReviews.notice(settings.current().supportPhone());
    }

    /** The review step: amount, fee, total, dates and how the payment would apply. Nothing is stored. */
    public PaymentQuote quote(PaymentRequest request) {
        PaymentMethod method = method(request.profileId());
        PaymentSettings rules = settings.payments();
        PaymentRules.checkOpen(rules, request.type(), method.channel());
        requireQuotable(request.loanNumber(), request.type());
        PaymentDates dates = dates(request, method);
        requireAbleToPay(method, dates, rules);
        AccountRef account = accounts.reference(request.loanNumber());
        LoanFigures figures = accounts.figuresOn(account.loanNumber(), dates.applyDate());
        BigDecimal inFlight = payments.sumByStatus(account.id(), PaymentStatus.PROCESSING);
        BigDecimal amount = PaymentRules.amount(request.type(), request.amount(), figures, inFlight, rules,
                settings.current().supportPhone());
        BigDecimal fee = PaymentRules.fee(rules, method.channel(), amount);
        Allocation split = accounts.previewSplit(account.loanNumber(), dates.applyDate(), amount,
                PaymentRules.kind(request.type()));
        return new PaymentQuote(account.loanNumber(), request.type(), method.channel(), method.label(), amount, fee,
                amount.add(fee), dates.processDate(), dates.applyDate(), dates.scheduled(), split.fees(),
                split.interest(), split.principal(), note(method.channel(), dates));
    }

    /**
     * Makes the payment. The same idempotency key always answers with the same payment, however often and
     * from however many tabs it is submitted; a card payment comes back completed or declined (or
     * processing, if the processor did not answer), a bank payment pending, a future-dated one scheduled.
     */
    @ChangesCustomerState
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public PaymentSummary submit(PaymentRequest request) {
        PortalUser customer = currentUser.customer();
        String key = request.idempotencyKey();
        if (key != null && key.startsWith(StandingOrder.KEY_PREFIX)) {
            throw new PaymentRefusedException("That payment reference is reserved for scheduled instructions and cannot "
                    + "be used on a payment form. Start the payment again.");
        }
        if (!formKeys.issuedTo(key, customer.id())) {
            // Nothing is read or written with a key the server did not issue to this customer.
            throw new PaymentRefusedException("This payment form was not opened by you, or has expired. Start the "
                    + "payment again.");
        }
        Payment existing = payments.findByIdempotencyKey(request.idempotencyKey()).orElse(null);
        if (existing != null) {
            return answerFor(existing, request, customer);
        }
        PaymentMethod method = method(request.profileId());
        PaymentSettings rules = settings.payments();
        PaymentRules.checkOpen(rules, request.type(), method.channel());
        requireQuotable(request.loanNumber(), request.type());
        PaymentDates dates = dates(request, method);
        requireAbleToPay(method, dates, rules);
        Payment payment;
        try {
            payment = lifecycle.create(request, customer.id(), method, dates, settings.current().supportPhone());
        } catch (DataIntegrityViolationException duplicate) {
            // The same key committed on another account's lock at the same moment: answer with that payment.
            payment = payments.findByIdempotencyKey(request.idempotencyKey()).orElseThrow(() -> duplicate);
        }
        if (payment.customerId() != customer.id()) {
            return answerFor(payment, request, customer);
        }
        if (payment.status() == PaymentStatus.PROCESSING) {
            // Charging is idempotent at the processor (same key), so a racing second submit is harmless.
            payment = lifecycle.charge(payment.id());
        }
        return summaries(List.of(payment)).getFirst();
    }

    /**
     * Makes the payments of standing orders (one outcome per order, in order), in the caller's transaction, so
     * the caller's records of them commit with the payments or not at all. Under each account's lock
     * {@code decision} says what to pay, and the payment is created the way a customer's is (rules for fees, the
     * ledger, the timeline, the audit and the email). A card payment comes back PROCESSING: the caller charges it
     * with {@link #chargeStanding} once its transaction committed.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional(propagation = Propagation.MANDATORY)
    public List<StandingOutcome> payStanding(List<StandingOrder> orders, StandingDecision decision) {
        return lifecycle.createStanding(orders, decision, settings.current().supportPhone());
    }

    /**
     * Charges card payments that standing orders made, outside any transaction (the processor is never called
     * inside one), and records the answers together. Charging is idempotent at the processor, so a second call
     * for the same payment is harmless.
     *
     * @return each payment's status afterwards, in the order asked: completed, declined, or still processing
     *         without an answer
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<PaymentStatus> chargeStanding(List<String> confirmationNumbers) {
        if (confirmationNumbers.isEmpty()) {
            return List.of();
        }
        Map<String, Long> ids = payments.findByConfirmationNumberIn(confirmationNumbers).stream()
                .filter(p -> p.standingReference() != null)
                .collect(Collectors.toMap(Payment::confirmationNumber, Payment::id));
        for (String confirmation : confirmationNumbers) {
            if (!ids.containsKey(confirmation)) {
                throw new PaymentNotFoundException(confirmation);
            }
        }
        return lifecycle.chargeAll(confirmationNumbers.stream().map(ids::get).toList()).stream()
                .map(Payment::status).toList();
    }

    /**
     * Finishes the standing orders' card payments whose charge never answered: a caller that stopped between
     * committing its payments and charging them leaves them PROCESSING with no answer. The processor is asked
     * about each first, so a charge that went through is never made twice. Called by the owner of the standing
     * orders under its own job lock, so no charge of its own is in flight (the card-reconcile job does the same
     * for any payment left so for ten minutes).
     *
     * @return how many were finished
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int chargeUnansweredStanding() {
        List<Long> leftovers = payments.uncharged(PaymentStatus.PROCESSING);
        leftovers.forEach(lifecycle::resume);
        return leftovers.size();
    }

    /** Cancels a scheduled payment the customer made, before it processes. */
    @ChangesCustomerState
    @Transactional
    public PaymentSummary cancel(String loanNumber, String confirmationNumber) {
        Payment found = visible(loanNumber, confirmationNumber);
        Payment payment = payments.lock(found.id()).orElseThrow();
        if (payment.customerId() != currentUser.customerId()) {
            throw new PaymentRefusedException("Only the borrower who scheduled this payment can cancel it.");
        }
        if (payment.status() != PaymentStatus.SCHEDULED) {
            throw new PaymentRefusedException("This payment is " + payment.status().label().toLowerCase()
                    + " and can no longer be cancelled.");
        }
        lifecycle.cancel(payment);
        return summaries(List.of(payment)).getFirst();
    }

    /** Every payment on the loan, newest first, by whichever of its borrowers made it. */
    public List<PaymentSummary> payments(String loanNumber) {
        AccountRef account = accounts.reference(loanNumber);
        return summaries(payments.findByAccountIdOrderByCreatedAtDescIdDesc(account.id()));
    }

    /** Bank payments already applied to the loan whose debit has not settled yet. */
    public BigDecimal pendingAmount(String loanNumber) {
        AccountRef account = accounts.reference(loanNumber);
        return payments.sumByStatus(account.id(), PaymentStatus.PENDING);
    }

    public PaymentSummary payment(String loanNumber, String confirmationNumber) {
        return summaries(List.of(visible(loanNumber, confirmationNumber))).getFirst();
    }

    public byte[] receiptPdf(String loanNumber, String confirmationNumber) {
        Payment payment = visible(loanNumber, confirmationNumber);
        WebsiteSettings website = settings.current();
        AccountRef account = accounts.reference(loanNumber);
        PortalUser viewer = currentUser.customer();
        previews.recordDownload(payment.loanNumber(), "Payment receipt " + payment.confirmationNumber() + " (PDF)");
        return PaymentDocuments.receiptPdf(new PaymentReceipt(website.lenderName(), website.supportPhone(),
                website.supportEmail(), payment.confirmationNumber(), payment.status().label(),
                payment.customerId() == viewer.id() ? viewer.displayName() : "Co-borrower", payment.loanNumber(),
                account.title(), payment.createdAt(), clock.getZone(), payment.processDate(), payment.applyDate(),
                payment.paymentType().label(), payment.methodLabel(), payment.amount(), payment.convenienceFee(),
                payment.total(), payment.principal(), payment.interest(), payment.fees(), receiptNote(payment)));
    }

    /**
     * The payoff quote letter, good through today, with the per-diem for each day after. Outside a
     * transaction (it reads only; its audit row is written on its own), so a download never holds two
     * connections at once.
     */
    @Transactional(readOnly = true, propagation = Propagation.NOT_SUPPORTED)
    public byte[] payoffQuotePdf(String loanNumber) {
        AccountInfo account = accounts.info(loanNumber);
        LocalDate today = LocalDate.now(clock);
        LoanFigures figures = accounts.figuresOn(account.loanNumber(), today);
        if (figures.status() == LoanStatus.PAID_OFF) {
            throw new PaymentRefusedException("This loan is paid off; there is no payoff to quote.");
        }
        if (account.balanceUnderReview()) {
            throw new PaymentRefusedException(balanceUnderReview());
        }
        WebsiteSettings website = settings.current();
        PortalUser viewer = currentUser.customer();
        audit.recordAlone(viewer.id(), account.loanNumber(), AuditAction.PAYOFF_QUOTE_ISSUED,
                "Payoff " + figures.payoffAmount().toPlainString() + " good through " + today);
        return PaymentDocuments.payoffQuotePdf(new PayoffQuote(website.lenderName(), website.supportPhone(),
                website.supportEmail(), settings.payments().remittanceAddress(), viewer.displayName(),
                account.loanNumber(), account.title(), today, today, figures.principalBalance(),
                figures.accruedInterest(), figures.feesDue(), figures.payoffAmount(), figures.perDiem()));
    }

    private PaymentDates dates(PaymentRequest request, PaymentMethod method) {
        return PaymentDates.of(request.paymentDate(), method.channel(), LocalDateTime.now(clock),
                settings.current().cutoffTime(), settings.payments().maxDaysAhead());
    }

    /** The customer's own method; another customer's, or a deleted one, is refused as not found. */
    private PaymentMethod method(long profileId) {
        try {
            return profileService.method(profileId);
        } catch (ProfileRefusedException notFound) {
            throw new PaymentRefusedException("profile", notFound.getMessage());
        }
    }

    /** The method must be able to pay in the month its money moves. */
    private static void requireAbleToPay(PaymentMethod method, PaymentDates dates, PaymentSettings rules) {
        method.whyCannotPay(YearMonth.from(dates.processDate()), rules).ifPresent(why -> {
            throw new PaymentRefusedException("profile", why + " Choose another method, or add a new one.");
        });
    }

    /** A repeated key gets its own payment back, never someone else's and never a second one. */
    private PaymentSummary answerFor(Payment payment, PaymentRequest request, PortalUser customer) {
        if (payment.customerId() != customer.id() || !payment.loanNumber().equalsIgnoreCase(request.loanNumber())) {
            throw new PaymentRefusedException("This payment form was already used. Start a new payment.");
        }
        return summaries(List.of(payment)).getFirst();
    }

    private Payment visible(String loanNumber, String confirmationNumber) {
        AccountRef account = accounts.reference(loanNumber);
        return payments.findByConfirmationNumber(confirmationNumber == null ? "" : confirmationNumber.trim())
                .filter(p -> p.accountId() == account.id())
                .orElseThrow(() -> new PaymentNotFoundException(confirmationNumber));
    }

    private List<PaymentSummary> summaries(List<Payment> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        long me = currentUser.servedCustomer().map(PortalUser::id).orElse(-1L);
        Collection<Long> ids = list.stream().map(Payment::id).toList();
        Map<Long, List<PaymentSummary.Step>> steps = events.findByPaymentIdInOrderByOccurredAtAscIdAsc(ids).stream()
                .collect(Collectors.groupingBy(PaymentEvent::paymentId,
                        Collectors.mapping(PaymentEvent::toStep, Collectors.toList())));
        return list.stream().map(p -> toSummary(p, p.customerId() == me ? "You" : "Co-borrower",
                p.customerId() == me && p.status() == PaymentStatus.SCHEDULED, steps.get(p.id()))).toList();
    }

    static PaymentSummary toSummary(Payment p, String payer, boolean cancellable, List<PaymentSummary.Step> steps) {
        return new PaymentSummary(p.confirmationNumber(), p.loanNumber(), p.paymentType(), p.channel(),
                p.methodLabel(), p.amount(), p.convenienceFee(), p.total(), p.processDate(), p.applyDate(),
                p.status(), p.statusReason(), p.returnCode(), p.principal(), p.interest(), p.fees(), p.createdAt(),
                payer, cancellable, steps, p.madeBy());
    }

    private static String note(PaymentChannel channel, PaymentDates dates) {
        if (dates.scheduled()) {
            return "Scheduled: nothing is charged until " + Dates.LONG.format(dates.processDate())
                    + ". You can cancel it until then.";
        }
        if (dates.afterCutoff()) {
            return "It is past today's cut-off time, so the money moves on " + Dates.LONG.format(dates.processDate())
                    + "; the payment still counts for today.";
        }
        return channel == PaymentChannel.BANK
                ? "Bank payments apply today and settle in about 2 business days."
                : null;
    }

    private static String receiptNote(Payment payment) {
        return switch (payment.status()) {
            case PENDING -> "Bank payments settle in about 2 business days. A returned payment is reversed and may carry a fee.";
            case SCHEDULED -> "Nothing has been charged yet. You can cancel this payment until "
                    + Dates.LONG.format(payment.processDate()) + ".";
            case PROCESSING -> PaymentLifecycle.WAITING_FOR_PROCESSOR;
            default -> payment.statusReason();
        };
    }

}
