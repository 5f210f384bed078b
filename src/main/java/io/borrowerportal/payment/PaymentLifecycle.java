package io.borrowerportal.payment;

import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.account.LedgerPosting;
import io.borrowerportal.account.LockedAccounts;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.common.Dates;
import io.borrowerportal.common.Money;
import io.borrowerportal.common.References;
import io.borrowerportal.gateway.ChargeRequest;
import io.borrowerportal.gateway.ChargeResult;
import io.borrowerportal.gateway.PaymentGateway;
import io.borrowerportal.payment.ach.ReturnCode;
import io.borrowerportal.paymentprofile.PaymentChannel;
import io.borrowerportal.paymentprofile.PaymentMethod;
import io.borrowerportal.paymentprofile.PaymentMethods;
import io.borrowerportal.security.ActorAudit;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.PaymentType;
import io.borrowerportal.settings.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves payments through their life: creation (with the idempotency key), the card charge, scheduled
 * processing, settlement and returns. Each step is its own short transaction that locks the account (via
 * {@link LedgerPosting}) or the payment row, and the card processor is called between transactions, never
 * inside one: a payment is never "charged but not posted" without a visible PROCESSING status that
 * {@link #reconcile} later resolves with the processor. The state changes themselves are the named
 * transitions of {@link Payment}, each with its timeline step.
 */
@Component
class PaymentLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PaymentLifecycle.class);

    static final String WAITING_FOR_PROCESSOR = "We could not confirm this payment with the card processor yet. "
            + "We will check again shortly; you will not be charged twice.";

    private final PaymentRepository payments;
    private final AchFileRepository files;
    private final PaymentMethods methods;
    private final LedgerPosting posting;
    private final PaymentGateway gateway;
    private final SettingsService settings;
    private final PaymentNotices notices;
    private final ActorAudit audit;
    private final PaymentTimeline timeline;
    private final TransactionTemplate tx;
    private final Clock clock;

    PaymentLifecycle(PaymentRepository payments, AchFileRepository files, PaymentMethods methods, LedgerPosting posting, PaymentGateway gateway,
                     SettingsService settings, PaymentNotices notices, ActorAudit audit, PaymentTimeline timeline,
                     PlatformTransactionManager transactions, Clock clock) {
        this.payments = payments;
        this.files = files;
        this.methods = methods;
        this.posting = posting;
        this.gateway = gateway;
        this.settings = settings;
        this.notices = notices;
        this.audit = audit;
        this.timeline = timeline;
        this.tx = new TransactionTemplate(transactions);
        // Every step locks its rows first and must then read what others committed up to that lock, not a
        // snapshot taken by an earlier read (MariaDB's default REPEATABLE READ would keep one).
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /**
     * Creates the payment for a form's idempotency key, or returns the payment that key already made.
     * Under the account's row lock: the amount is checked against the payoff less money already on its
     * way, so two payments at once never pay more than is owed.
     */
    Payment create(PaymentRequest request, long customerId, PaymentMethod method, PaymentDates dates,
                   String supportPhone) {
        Payment existing = payments.findByIdempotencyKey(request.idempotencyKey()).orElse(null);
        if (existing != null) {
            return existing;
        }
        return tx.execute(status -> {
            LockedAccounts locked = posting.lockAll(List.of(request.loanNumber()));
            LedgerPosting.LockedAccount account = locked.get(request.loanNumber(), dates.applyDate())
                    .orElseThrow(() -> new AccountNotFoundException(request.loanNumber()));
            // A second submit of the same form waited for the lock; the first one has committed by now.
            Payment made = payments.findByIdempotencyKey(request.idempotencyKey()).orElse(null);
            if (made != null) {
                return made;
            }
            PaymentSettings rules = settings.payments();
            // Read again under the lock: the method may have been closed by a bank return since the form checked it.
            Optional<String> cannotPay = methods.get(method.id()).whyCannotPay(YearMonth.from(dates.processDate()), rules);
            if (cannotPay.isPresent()) {
                throw new PaymentRefusedException("profile", cannotPay.get() + " Choose another method.");
            }
            BigDecimal inFlight = payments.sumByStatus(account.accountId(), PaymentStatus.PROCESSING);
            BigDecimal amount = PaymentRules.amount(request.type(), request.amount(), account.figures(), inFlight,
                    rules, supportPhone);
            PaymentStatus first = dates.scheduled() ? PaymentStatus.SCHEDULED
                    : method.channel() == PaymentChannel.CARD ? PaymentStatus.PROCESSING : PaymentStatus.PENDING;
            // A card or bank account entered for one payment pays this one, never another (decision 013).
            if (!method.onFile() && !methods.useForPayment(method.id())) {
                throw new PaymentRefusedException("profile", method.label() + " was entered for one payment, which "
                        + "has been made. Enter it again, or choose a saved method.");
            }
            return open(locked, account, request.idempotencyKey(), customerId, method, request.type(), amount,
                    PaymentRules.fee(rules, method.channel(), amount), dates.processDate(), dates.applyDate(), first,
                    null);
        });
    }

    /**
     * Makes the payments of standing orders, in the caller's transaction (so the caller's own records commit
     * with the payments or not at all), in the orders' order. Their accounts are locked together and their
     * ledgers, methods and money in flight read once; then, under each account's lock, {@code decision} says
     * what to pay and the payment is created exactly as a customer's is. A key that already made a payment
     * answers with that payment: a rerun never pays twice. A card payment comes back PROCESSING, to be charged
     * with {@link #chargeAll} once the caller's transaction committed.
     */
    List<StandingOutcome> createStanding(List<StandingOrder> orders, StandingDecision decision, String supportPhone) {
        if (orders.isEmpty()) {
            return List.of();
        }
        return tx.execute(status -> {
            LockedAccounts locked = posting.lockAll(orders.stream().map(StandingOrder::loanNumber).toList());
            Map<String, Payment> made = new HashMap<>();
            payments.findByIdempotencyKeyIn(orders.stream().map(StandingOrder::idempotencyKey).toList())
                    .forEach(p -> made.put(p.idempotencyKey(), p));
            Map<Long, PaymentMethod> found = methods.all(orders.stream().map(StandingOrder::profileId).toList());
            Map<Long, BigDecimal> inFlight = new HashMap<>();
            if (!locked.accountIds().isEmpty()) {
                for (Object[] row : payments.sumsByStatus(locked.accountIds(), PaymentStatus.PROCESSING)) {
                    inFlight.put((Long) row[0], (BigDecimal) row[1]);
                }
            }
            PaymentSettings rules = settings.payments();
            LocalDateTime now = LocalDateTime.now(clock);
            LocalTime cutoff = settings.current().cutoffTime();
            List<StandingOutcome> outcomes = new ArrayList<>(orders.size());
            for (StandingOrder order : orders) {
                Payment existing = made.get(order.idempotencyKey());
                if (existing != null && !order.reference().equals(existing.standingReference())) {
                    throw new IllegalStateException("Idempotency key " + order.idempotencyKey()
                            + " belongs to a payment that " + order.reference() + " did not make");
                }
                outcomes.add(existing != null ? StandingOutcome.paid(existing)
                        : createStanding(order, found.get(order.profileId()), locked, inFlight, rules, now, cutoff,
                        decision, supportPhone));
            }
            return outcomes;
        });
    }

    private StandingOutcome createStanding(StandingOrder order, PaymentMethod method, LockedAccounts locked,
                                           Map<Long, BigDecimal> inFlight, PaymentSettings rules, LocalDateTime now,
                                           LocalTime cutoff, StandingDecision decision, String supportPhone) {
        if (method == null || method.customerId() != order.customerId() || !method.onFile()
                || methods.deleted(method.id())) {
            return StandingOutcome.without(StandingOutcome.Result.METHOD_UNUSABLE,
                    "The payment method of " + order.kind() + " " + order.reference() + " was removed.");
        }
        // Made as of today, on the loan as it stands, whatever date it was arranged for: nothing is posted behind
        // later entries of the ledger. Its money moves as a customer's payment made now would.
        LocalDate applyDate = now.toLocalDate();
        LocalDate processDate = PaymentDates.processedToday(method.channel(), now, cutoff);
        Optional<String> cannotPay = method.whyCannotPay(YearMonth.from(processDate), rules);
        if (cannotPay.isPresent()) {
            return StandingOutcome.without(StandingOutcome.Result.METHOD_UNUSABLE, cannotPay.get());
        }
        LedgerPosting.LockedAccount account = locked.get(order.loanNumber(), applyDate).orElse(null);
        if (account == null) {
            return StandingOutcome.without(StandingOutcome.Result.NO_ACCOUNT, "The loan is no longer on file.");
        }
        BigDecimal processing = inFlight.getOrDefault(account.accountId(), BigDecimal.ZERO);
        Optional<StandingDecision.Payable> payable = decision.decide(order,
                new StandingDecision.LoanUnderLock(account.figures(), applyDate, processing));
        if (payable.isEmpty()) {
            return StandingOutcome.without(StandingOutcome.Result.NOT_PAYABLE, null);
        }
        BigDecimal amount = Money.requireCents(payable.get().amount());
        PaymentStatus first = method.channel() == PaymentChannel.CARD ? PaymentStatus.PROCESSING : PaymentStatus.PENDING;
        Payment payment = open(locked, account, order.idempotencyKey(), order.customerId(), method,
                payable.get().type(), amount, PaymentRules.fee(rules, method.channel(), amount), processDate, applyDate,
                first, order);
        if (first == PaymentStatus.PROCESSING) {
            // Money on its way to the processor counts against the payoff of a second order on this loan.
            inFlight.merge(account.accountId(), payment.amount(), BigDecimal::add);
        }
        return StandingOutcome.paid(payment);
    }

    /**
     * Stores a new payment under its account's lock and takes its first step (scheduled, processing or pending).
     * A bank payment is applied through the locked ledger at once.
     *
     * @param standing the standing order making it, or null for a customer's own payment
     */
    private Payment open(LockedAccounts locked, LedgerPosting.LockedAccount account, String idempotencyKey,
                         long customerId, PaymentMethod method, PaymentType type, BigDecimal amount, BigDecimal fee,
                         LocalDate processDate, LocalDate applyDate, PaymentStatus first, StandingOrder standing) {
        Payment payment = payments.save(new Payment(References.next("PAY"), idempotencyKey,
                account.accountId(), account.loanNumber(), customerId, method, type, amount, fee,
                processDate, applyDate, first, audit.actorName(), clock.instant(), standing));
        switch (first) {
            case SCHEDULED -> payment.opened("Scheduled for " + Dates.day(processDate) + ".", timeline);
            case PROCESSING -> payment.opened(standing == null ? "Sent to the card processor."
                    : "Made by " + payment.madeBy() + "; sent to the card processor.", timeline);
            default -> applyBankDebit(payment, locked);
        }
        audit.record(customerId, account.loanNumber(), AuditAction.PAYMENT_SUBMITTED, describe(payment));
        if (first != PaymentStatus.PROCESSING) {
            notices.submitted(payment, standing == null ? null : standing.payerEmail());
        }
        return payment;
    }

    /** Charges a PROCESSING card payment (outside any transaction) and records the answer. */
    Payment charge(long paymentId) {
        return chargeAll(List.of(paymentId)).getFirst();
    }

    /**
     * Charges PROCESSING card payments one by one at the processor (outside any transaction), then records
     * every answer in one transaction: a page of standing orders' card payments costs one commit, not one each.
     *
     * @return the payments afterwards, in the order asked
     */
    List<Payment> chargeAll(List<Long> paymentIds) {
        List<Payment> found = payments.findByIdIn(paymentIds);
        Map<Long, PaymentMethod> cards = methods.all(found.stream().map(Payment::profileId).toList());
        Map<Long, ChargeResult> results = new LinkedHashMap<>();
        for (Payment payment : found) {
            if (payment.status() != PaymentStatus.PROCESSING) {
                continue;
            }
            ChargeResult result;
            try {
                result = gateway.charge(new ChargeRequest(cards.get(payment.profileId()).cardToken(), payment.total(),
                        payment.idempotencyKey(), "Loan " + payment.loanNumber() + " payment " + payment.confirmationNumber()));
            } catch (RuntimeException e) {
                // The processor may or may not have charged: wait for lookup() instead of guessing.
                log.warn("Card processor call failed for payment {}: {}", payment.confirmationNumber(), e.getClass().getSimpleName());
                result = new ChargeResult.Unknown(e.getClass().getSimpleName());
            }
            results.put(payment.id(), result);
        }
        Map<Long, Payment> finished = new HashMap<>();
        found.forEach(p -> finished.put(p.id(), p));
        finishAll(results).forEach(p -> finished.put(p.id(), p));
        return paymentIds.stream().map(finished::get).toList();
    }

    /** Asks the processor what became of a payment left PROCESSING, and finishes it. */
    Payment reconcile(long paymentId) {
        Payment payment = payments.findById(paymentId).orElseThrow();
        if (payment.status() != PaymentStatus.PROCESSING) {
            return payment;
        }
        return finish(paymentId, lookUp(payment));
    }

    /** What the processor knows of the payment's charge; a lookup that fails is an unknown answer, never a decline. */
    private ChargeResult lookUp(Payment payment) {
        try {
            return gateway.lookup(payment.idempotencyKey());
        } catch (RuntimeException e) {
            return new ChargeResult.Unknown(e.getClass().getSimpleName());
        }
    }

    /**
     * A card payment stored PROCESSING whose charge never answered (the process stopped between storing and
     * charging it): the processor is asked first, so a charge that did go through is recorded and never made
     * again; one it has no record of is charged now when a standing order made it (its authorization stands and
     * nobody is there to pay again), and declined otherwise, as {@link #reconcile} does.
     */
    Payment resume(long paymentId) {
        Payment payment = payments.findById(paymentId).orElseThrow();
        if (payment.status() != PaymentStatus.PROCESSING) {
            return payment;
        }
        ChargeResult result = lookUp(payment);
        if (result instanceof ChargeResult.NotFound && payment.standingReference() != null) {
            return charge(paymentId);
        }
        return finish(paymentId, result);
    }

    Payment finish(long paymentId, ChargeResult result) {
        return finishAll(Map.of(paymentId, result)).getFirst();
    }

    /**
     * Records processor answers in one transaction: the payments are locked (in id order) and so are the
     * accounts of the approved ones, whose ledgers are read once.
     *
     * @return the payments, in the order of {@code results}
     */
    List<Payment> finishAll(Map<Long, ChargeResult> results) {
        if (results.isEmpty()) {
            return List.of();
        }
        return tx.execute(status -> {
            Map<Long, Payment> locked = new HashMap<>();
            payments.lockAll(results.keySet()).forEach(p -> locked.put(p.id(), p));
            LockedAccounts accounts = posting.lockAll(results.entrySet().stream()
                    .filter(e -> e.getValue() instanceof ChargeResult.Approved)
                    .map(e -> locked.get(e.getKey()))
                    .filter(p -> p != null && p.status() == PaymentStatus.PROCESSING)
                    .map(Payment::loanNumber).toList());
            List<Payment> done = new ArrayList<>(results.size());
            for (Map.Entry<Long, ChargeResult> entry : results.entrySet()) {
                Payment payment = locked.get(entry.getKey());
                done.add(payment);
                if (payment.status() == PaymentStatus.PROCESSING) {
                    record(payment, entry.getValue(), accounts);
                } else if (entry.getValue() instanceof ChargeResult.Approved approved
                        && payment.status() != PaymentStatus.COMPLETED) {
                    // Money taken for a payment already ended: never silent, the lender must refund it.
                    log.error("Card charge {} approved for payment {} that is {}: refund due",
                            approved.reference(), payment.confirmationNumber(), payment.status());
                    payment.note("The card processor approved this payment late (" + approved.reference()
                            + "); the lender will refund it to your card.", timeline);
                }
            }
            return done;
        });
    }

    /** The processor's answer for a payment still PROCESSING. */
    private void record(Payment payment, ChargeResult result, LockedAccounts accounts) {
        switch (result) {
            case ChargeResult.Approved approved -> applyCardCharge(payment, approved.reference(), accounts);
            case ChargeResult.Declined declined -> {
                payment.decline(declined.message(), timeline);
                audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_DECLINED,
                        payment.confirmationNumber() + " declined (" + declined.code() + ")");
                if (!audit.isPayer(payment.customerId())) {
                    // A scheduled or standing payment declined by a job: nobody is watching the screen.
                    notices.failed(payment);
                }
            }
            case ChargeResult.NotFound notFound -> {
                payment.decline("The card processor has no record of this payment, so you were not charged. "
                        + "Please make the payment again.", timeline);
                audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_DECLINED,
                        payment.confirmationNumber() + " not found at the processor");
                notices.failed(payment);
            }
            case ChargeResult.Unknown unknown -> payment.waitForProcessor(WAITING_FOR_PROCESSOR,
                    "The card processor did not answer (" + unknown.detail() + "); the payment will be checked again.",
                    timeline);
        }
    }

    /**
     * Processes a scheduled payment on its date: the method must still be able to pay and the amount is lowered
     * to the payoff if the loan now owes less. Cards are then charged; bank debits become pending.
     */
    Payment processScheduled(long paymentId) {
        Payment ready = tx.execute(status -> {
            Payment payment = payments.lock(paymentId).orElseThrow();
            if (payment.status() != PaymentStatus.SCHEDULED) {
                return payment;
            }
            Optional<String> cannotPay = methods.get(payment.profileId())
                    .whyCannotPay(YearMonth.from(LocalDate.now(clock)), settings.payments());
            if (cannotPay.isPresent()) {
                payment.decline(cannotPay.get() + " This scheduled payment was not made: make a new payment with "
                        + "another method.", timeline);
                notices.failed(payment);
                return payment;
            }
            LockedAccounts locked = posting.lockAll(List.of(payment.loanNumber()));
            LedgerPosting.LockedAccount account = locked.get(payment.loanNumber(), payment.applyDate())
                    .orElseThrow(() -> new AccountNotFoundException(payment.loanNumber()));
            BigDecimal payoff = account.figures().payoffAmount()
                    .subtract(payments.sumByStatus(account.accountId(), PaymentStatus.PROCESSING));
            if (payment.paymentType() == PaymentType.PRINCIPAL_ONLY) {
                payoff = payoff.min(account.figures().principalBalance());
            }
            if (payoff.signum() <= 0) {
                String reason = "The loan was paid off before this payment's date, so nothing was charged.";
                payment.cancel(reason, reason, timeline);
                return payment;
            }
            if (payment.amount().compareTo(payoff) > 0) {
                payment.lowerTo(payoff, PaymentRules.fee(settings.payments(), payment.channel(), payoff),
                        "Lowered to " + Money.format(payoff) + ", what the loan owed on the payment's date.", timeline);
            }
            if (payment.channel() == PaymentChannel.CARD) {
                payment.startProcessing("Sent to the card processor.", timeline);
            } else {
                applyBankDebit(payment, locked);
            }
            return payment;
        });
        return ready.status() == PaymentStatus.PROCESSING ? charge(paymentId) : ready;
    }

    /** A bank payment with no return by its settlement date is complete. */
    void settle(long paymentId) {
        tx.executeWithoutResult(status -> {
            Payment payment = payments.lock(paymentId).orElseThrow();
            if (payment.status() == PaymentStatus.PENDING && payment.settlesOn() != null
                    && !payment.settlesOn().isAfter(LocalDate.now(clock))) {
                AchFile file = files.findById(payment.achFileId()).orElse(null);
                if (file == null || !file.state().delivered()) {
                    // Never settled: the bank was not given the debit (yet). The query asks for delivered files only.
                    return;
                }
                payment.settle(file, "Settled: the bank did not return the debit.", timeline);
                audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_COMPLETED,
                        payment.confirmationNumber() + " settled");
            }
        });
    }

    /**
     * Applies a bank return: the payment and its convenience fee are reversed by linked ledger entries, the
     * lender's NSF fee is charged, the customer is told, and codes that close the account for us close every
     * profile on that bank account.
     *
     * @return null when applied, else why it was skipped
     */
    String returnPayment(long paymentId, ReturnCode code) {
        return tx.execute(status -> {
            Payment payment = payments.lock(paymentId).orElseThrow();
            if (payment.channel() != PaymentChannel.BANK) {
                return payment.confirmationNumber() + " is a card payment; only bank payments can be returned.";
            }
            if (payment.status() == PaymentStatus.RETURNED) {
                return payment.confirmationNumber() + " was already returned.";
            }
            if (payment.status() != PaymentStatus.PENDING && payment.status() != PaymentStatus.COMPLETED) {
                return payment.confirmationNumber() + " is " + payment.status().label().toLowerCase()
                        + "; no money moved, so there is nothing to return.";
            }
            String reason = "Returned by the bank: " + code.description() + " (" + code.name() + ").";
            posting.reversePayment(payment.loanNumber(), payment.ledgerEntryId(), payment.feeEntryId(),
                    "returned by the bank, " + code.name());
            BigDecimal nsf = code.chargesNsfFee() ? settings.payments().nsfFee() : Money.ZERO;
            if (nsf.signum() > 0) {
                posting.chargeFee(payment.loanNumber(), LocalDate.now(clock), nsf,
                        "Returned payment fee (" + payment.confirmationNumber() + ", " + code.name() + ")");
            }
            payment.returned(code.name(), reason, reason
                    + (nsf.signum() > 0 ? " A returned payment fee of " + Money.format(nsf) + " was charged." : ""), timeline);
            audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_RETURNED,
                    payment.confirmationNumber() + " returned " + code.name());
            if (code.accountUnusable()) {
                methods.closeForDebits(payment.profileId(), code.name(), code.description(),
                        payment.confirmationNumber(), payment.loanNumber());
            }
            notices.returned(payment, nsf);
            return null;
        });
    }

    /**
     * A pending bank debit not yet sent whose account the bank has since closed for us: it is reversed on the
     * loan (no fee: nothing was returned) and declined, and the customer is told to pay another way.
     */
    void voidUnsentDebit(long paymentId) {
        tx.executeWithoutResult(status -> {
            Payment payment = payments.lock(paymentId).orElseThrow();
            if (payment.status() != PaymentStatus.PENDING || payment.achFileId() != null) {
                return;
            }
            posting.reversePayment(payment.loanNumber(), payment.ledgerEntryId(), payment.feeEntryId(),
                    "bank account no longer usable");
            payment.decline("Not sent: your bank can no longer be debited for " + payment.methodLabel()
                    + ". The payment was taken back off your loan; please pay with another method.", timeline);
            audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_DECLINED,
                    payment.confirmationNumber() + " not sent: bank profile unusable");
            notices.failed(payment);
        });
    }

    void cancel(Payment payment) {
        payment.cancel("Cancelled before it was processed.", "Cancelled by the borrower who scheduled it.", timeline);
        audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_CANCELLED,
                payment.confirmationNumber() + " cancelled");
    }

    private void applyBankDebit(Payment payment, LockedAccounts locked) {
        LedgerPosting.PostedPayment posted = locked.postPayment(payment.loanNumber(), payment.applyDate(),
                payment.amount(), PaymentRules.kind(payment.paymentType()), payment.convenienceFee(),
                "Bank payment " + payment.confirmationNumber(), payment.confirmationNumber());
        payment.applyPending(posted, "Applied to your loan; the bank debit settles in about 2 business days.",
                "Applied to the loan; the debit goes to the bank on " + Dates.day(payment.processDate()) + ".",
                timeline);
    }

    private void applyCardCharge(Payment payment, String processorReference, LockedAccounts accounts) {
        LedgerPosting.PostedPayment posted = accounts.postPaymentUpToPayoff(payment.loanNumber(), payment.applyDate(),
                payment.amount(), PaymentRules.kind(payment.paymentType()), payment.convenienceFee(),
                "Card payment " + payment.confirmationNumber(), payment.confirmationNumber());
        if (posted == null) {
            String reason = "The loan owed nothing more when this charge was approved; the lender will refund "
                    + Money.format(payment.total()) + " to your card.";
            log.error("Card payment {} approved on loan {} that owes nothing: refund due",
                    payment.confirmationNumber(), payment.loanNumber());
            payment.approve(processorReference, null, reason, reason, timeline);
            audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_COMPLETED,
                    payment.confirmationNumber() + " approved, nothing owed: refund due");
            return;
        }
        String reason = null;
        if (posted.applied().compareTo(payment.amount()) < 0) {
            // Only possible when the loan changed between the check and the charge; the excess is refunded.
            reason = "Paid " + Money.format(payment.amount().subtract(posted.applied()))
                    + " more than the payoff; the lender will refund the difference to your card.";
        }
        payment.approve(processorReference, posted, reason, "Approved by the card processor and applied to the loan.",
                timeline);
        audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_COMPLETED,
                payment.confirmationNumber() + " approved");
        notices.completed(payment);
    }

    private static String describe(Payment payment) {
        return payment.confirmationNumber() + ": " + Money.format(payment.amount()) + " "
                + payment.paymentType().label().toLowerCase() + " by " + payment.methodLabel()
                + (payment.convenienceFee().signum() > 0 ? " + fee " + Money.format(payment.convenienceFee()) : "")
                + ", process " + payment.processDate() + ", apply " + payment.applyDate();
    }
}
