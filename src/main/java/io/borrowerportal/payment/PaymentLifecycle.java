package io.borrowerportal.payment;

import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.account.LedgerPosting;
import io.borrowerportal.account.LockedAccounts;
import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.common.Money;
import io.borrowerportal.payment.ach.ReturnCode;
import io.borrowerportal.payment.gateway.ChargeRequest;
import io.borrowerportal.payment.gateway.ChargeResult;
import io.borrowerportal.payment.gateway.PaymentGateway;
import io.borrowerportal.settings.PaymentSettings;
import io.borrowerportal.settings.PaymentType;
import io.borrowerportal.settings.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Moves payments through their life: creation (with the idempotency key), the card charge, scheduled
 * processing, settlement and returns. Each step is its own short transaction that locks the account (via
 * {@link LedgerPosting}) or the payment row, and the card processor is called between transactions, never
 * inside one: a payment is never "charged but not posted" without a visible PROCESSING status that
 * {@link #reconcile} later resolves with the processor.
 */
@Component
class PaymentLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PaymentLifecycle.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final char[] CONFIRMATION_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

    static final String WAITING_FOR_PROCESSOR = "We could not confirm this payment with the card processor yet. "
            + "We will check again shortly; you will not be charged twice.";

    private final PaymentRepository payments;
    private final PaymentEventRepository events;
    private final PaymentProfileRepository profiles;
    private final LedgerPosting posting;
    private final PaymentGateway gateway;
    private final SettingsService settings;
    private final PaymentNotices notices;
    private final PaymentAudit audit;
    private final TransactionTemplate tx;
    private final BankAccountCipher cipher;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PaymentLifecycle(PaymentRepository payments, PaymentEventRepository events, PaymentProfileRepository profiles,
                     LedgerPosting posting, PaymentGateway gateway, SettingsService settings, PaymentNotices notices,
                     PaymentAudit audit, PlatformTransactionManager transactions, BankAccountCipher cipher,
                     ApplicationEventPublisher publisher, Clock clock) {
        this.payments = payments;
        this.events = events;
        this.profiles = profiles;
        this.posting = posting;
        this.gateway = gateway;
        this.settings = settings;
        this.notices = notices;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        // Every step locks its rows first and must then read what others committed up to that lock, not a
        // snapshot taken by an earlier read (MariaDB's default REPEATABLE READ would keep one).
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.cipher = cipher;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Creates the payment for a form's idempotency key, or returns the payment that key already made.
     * Under the account's row lock: the amount is checked against the payoff less money already on its
     * way, so two payments at once never pay more than is owed.
     */
    Payment create(PaymentRequest request, long customerId, PaymentProfile profile, PaymentDates dates,
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
            if (!profiles.findById(profile.id()).map(PaymentProfile::usable).orElse(false)) {
                throw new PaymentRefusedException("profile", profile.label() + " can no longer be used. Choose another method.");
            }
            PaymentSettings rules = settings.payments();
            BigDecimal inFlight = payments.sumByStatus(account.accountId(), PaymentStatus.PROCESSING);
            BigDecimal amount = PaymentRules.amount(request.type(), request.amount(), account.figures(), inFlight,
                    rules, supportPhone);
            PaymentStatus first = dates.scheduled() ? PaymentStatus.SCHEDULED
                    : profile.kind() == PaymentChannel.CARD ? PaymentStatus.PROCESSING : PaymentStatus.PENDING;
            return open(locked, account, request.idempotencyKey(), customerId, profile, request.type(), amount,
                    PaymentRules.fee(rules, profile.kind(), amount), dates.processDate(), dates.applyDate(), first,
                    null, null);
        });
    }

    /**
     * Makes the payments of a page of AutoPay due dates, in the caller's transaction (the AutoPay run's, so its
     * records of the run commit with the payments or not at all), in the requests' order. The page's accounts
     * are locked together and their ledgers, profiles and money in flight read once; then each request goes
     * through the AutoPay runtime rules under its account's lock, and its payment is created exactly as a
     * customer's is. A key that already made a payment answers with that payment: a rerun never pays a due
     * date twice.
     */
    List<AutoPayOutcome> createForAutoPays(List<AutoPayPayment> requests, String supportPhone) {
        if (requests.isEmpty()) {
            return List.of();
        }
        return tx.execute(status -> {
            LockedAccounts locked = posting.lockAll(requests.stream().map(AutoPayPayment::loanNumber).toList());
            Map<String, Payment> made = new HashMap<>();
            payments.findByIdempotencyKeyIn(requests.stream().map(AutoPayPayment::idempotencyKey).toList())
                    .forEach(p -> made.put(p.idempotencyKey(), p));
            Map<Long, PaymentProfile> methods = new HashMap<>();
            profiles.findAllById(requests.stream().map(AutoPayPayment::profileId).distinct().toList())
                    .forEach(p -> methods.put(p.id(), p));
            Map<Long, BigDecimal> inFlight = new HashMap<>();
            if (!locked.accountIds().isEmpty()) {
                for (Object[] row : payments.sumsByStatus(locked.accountIds(), PaymentStatus.PROCESSING)) {
                    inFlight.put((Long) row[0], (BigDecimal) row[1]);
                }
            }
            PaymentSettings rules = settings.payments();
            LocalDateTime now = LocalDateTime.now(clock);
            LocalTime cutoff = settings.current().cutoffTime();
            List<AutoPayOutcome> outcomes = new ArrayList<>(requests.size());
            for (AutoPayPayment request : requests) {
                Payment existing = made.get(request.idempotencyKey());
                if (existing != null && !request.autopayReference().equals(existing.autopayReference())) {
                    throw new IllegalStateException("Idempotency key " + request.idempotencyKey()
                            + " belongs to a payment that AutoPay " + request.autopayReference() + " did not make");
                }
                if (existing != null) {
                    outcomes.add(AutoPayOutcome.paid(existing, null));
                    continue;
                }
                PaymentProfile profile = methods.get(request.profileId());
                AutoPayOutcome outcome = createForAutoPay(request, profile, locked, inFlight, rules, now, cutoff,
                        supportPhone);
                outcomes.add(outcome);
            }
            return outcomes;
        });
    }

    private AutoPayOutcome createForAutoPay(AutoPayPayment request, PaymentProfile profile, LockedAccounts locked,
                                            Map<Long, BigDecimal> inFlight, PaymentSettings rules, LocalDateTime now,
                                            LocalTime cutoff, String supportPhone) {
        if (profile == null || profile.customerId() != request.customerId()
                || profile.status() == PaymentProfile.Status.DELETED) {
            return AutoPayOutcome.without(AutoPayOutcome.Kind.METHOD_UNUSABLE,
                    "The payment method of this AutoPay was removed.");
        }
        // A date caught up after an outage is paid as of today, on the loan as it stands: a payment the borrower
        // made meanwhile, or a payoff, is seen, and nothing is posted behind later entries of the ledger. Its money
        // moves as a customer's payment made now would: after the cut-off, on the next business day.
        LocalDate applyDate = now.toLocalDate();
        if (request.runDate().isAfter(applyDate)) {
            throw new IllegalStateException("AutoPay " + request.autopayReference() + " asked to pay on "
                    + request.runDate() + ", before that date");
        }
        LocalDate processDate = PaymentDates.processedToday(profile.kind(), now, cutoff);
        String unusable = unusableForAutoPay(profile, rules, YearMonth.from(processDate));
        if (unusable != null) {
            return AutoPayOutcome.without(AutoPayOutcome.Kind.METHOD_UNUSABLE, unusable);
        }
        LedgerPosting.LockedAccount account = locked.get(request.loanNumber(), applyDate).orElse(null);
        if (account == null) {
            return AutoPayOutcome.without(AutoPayOutcome.Kind.ENDED, "The loan is no longer on file, so AutoPay has ended.");
        }
        BigDecimal processing = inFlight.getOrDefault(account.accountId(), BigDecimal.ZERO);
        PaymentRules.AutoPayDecision decision = PaymentRules.autoPay(request, account.figures(), applyDate, processing,
                rules, supportPhone);
        if (decision.kind() != AutoPayOutcome.Kind.PAID) {
            return AutoPayOutcome.without(decision.kind(), decision.note());
        }
        PaymentStatus first = profile.kind() == PaymentChannel.CARD ? PaymentStatus.PROCESSING : PaymentStatus.PENDING;
        Payment payment = open(locked, account, request.idempotencyKey(), request.customerId(), profile,
                PaymentRules.typeOf(request.amountType()), decision.amount(),
                PaymentRules.fee(rules, profile.kind(), decision.amount()), processDate, applyDate, first,
                request.autopayReference(), request.customerEmail());
        if (first == PaymentStatus.PROCESSING) {
            // Money on its way to the processor counts against the payoff of a second AutoPay on this loan.
            inFlight.merge(account.accountId(), payment.amount(), BigDecimal::add);
        }
        return AutoPayOutcome.paid(payment, decision.note());
    }

    /** Why an AutoPay can no longer pay with this profile, in the customer's words, or null when it can. */
    private String unusableForAutoPay(PaymentProfile profile, PaymentSettings rules, YearMonth month) {
        if (!profile.usable()) {
            return profile.label() + " can no longer be used" + (profile.statusReason() == null ? "."
                    : ": " + profile.statusReason());
        }
        if (profile.expiredBy(month)) {
            return profile.label() + " has expired.";
        }
        if (!rules.enabled() || (profile.kind() == PaymentChannel.CARD ? !rules.cardAllowed() : !rules.bankAllowed())) {
            return "The lender no longer accepts " + profile.kind().label().toLowerCase(Locale.ROOT) + " payments online.";
        }
        return null;
    }

    /**
     * Stores a new payment under its account's lock and takes its first step (scheduled, processing or pending).
     * A bank payment is applied through the locked ledger at once.
     *
     * @param payerEmail where its email goes, when the caller knows it already (else it is looked up)
     */
    private Payment open(LockedAccounts locked, LedgerPosting.LockedAccount account, String idempotencyKey,
                         long customerId, PaymentProfile profile, PaymentType type, BigDecimal amount, BigDecimal fee,
                         LocalDate processDate, LocalDate applyDate, PaymentStatus first, String autopayReference,
                         String payerEmail) {
        Payment payment = payments.save(new Payment(confirmationNumber(), idempotencyKey,
                account.accountId(), account.loanNumber(), customerId, profile, type, amount, fee,
                processDate, applyDate, first, audit.actorName(), clock.instant(), autopayReference));
        switch (first) {
            case SCHEDULED -> step(payment, PaymentStatus.SCHEDULED, "Scheduled for " + DAY.format(processDate) + ".");
            case PROCESSING -> step(payment, PaymentStatus.PROCESSING, autopayReference == null
                    ? "Sent to the card processor." : "Made by AutoPay " + autopayReference + "; sent to the card processor.");
            default -> applyBankDebit(payment, locked);
        }
        audit.record(customerId, account.loanNumber(), AuditAction.PAYMENT_SUBMITTED, describe(payment));
        if (first != PaymentStatus.PROCESSING) {
            notices.submitted(payment, payerEmail);
        }
        return payment;
    }

    /** Charges a PROCESSING card payment (outside any transaction) and records the answer. */
    Payment charge(long paymentId) {
        return chargeAll(List.of(paymentId)).getFirst();
    }

    /**
     * Charges PROCESSING card payments one by one at the processor (outside any transaction), then records
     * every answer in one transaction: a page of AutoPay card payments costs one commit, not one each.
     *
     * @return the payments afterwards, in the order asked
     */
    List<Payment> chargeAll(List<Long> paymentIds) {
        List<Payment> found = payments.findByIdIn(paymentIds);
        Map<Long, PaymentProfile> methods = new HashMap<>();
        profiles.findAllById(found.stream().map(Payment::profileId).distinct().toList())
                .forEach(p -> methods.put(p.id(), p));
        Map<Long, ChargeResult> results = new LinkedHashMap<>();
        for (Payment payment : found) {
            if (payment.status() != PaymentStatus.PROCESSING) {
                continue;
            }
            PaymentProfile profile = methods.get(payment.profileId());
            ChargeResult result;
            try {
                result = gateway.charge(new ChargeRequest(profile.cardToken(), payment.total(), payment.idempotencyKey(),
                        "Loan " + payment.loanNumber() + " payment " + payment.confirmationNumber()));
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
     * again; one it has no record of is charged now when AutoPay made it (its authorization stands and nobody is
     * there to pay again), and declined otherwise, as {@link #reconcile} does.
     */
    Payment resume(long paymentId) {
        Payment payment = payments.findById(paymentId).orElseThrow();
        if (payment.status() != PaymentStatus.PROCESSING) {
            return payment;
        }
        ChargeResult result = lookUp(payment);
        if (result instanceof ChargeResult.NotFound && payment.autopayReference() != null) {
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
                ChargeResult result = entry.getValue();
                done.add(payment);
                if (payment.status() != PaymentStatus.PROCESSING) {
                    if (result instanceof ChargeResult.Approved approved && payment.status() != PaymentStatus.COMPLETED) {
                        // Money taken for a payment already ended: never silent, the lender must refund it.
                        log.error("Card charge {} approved for payment {} that is {}: refund due",
                                approved.reference(), payment.confirmationNumber(), payment.status());
                        step(payment, payment.status(), "The card processor approved this payment late ("
                                + approved.reference() + "); the lender will refund it to your card.");
                    }
                    continue;
                }
                switch (result) {
                    case ChargeResult.Approved approved -> {
                        payment.approvedBy(approved.reference());
                        applyCardCharge(payment, accounts);
                    }
                    case ChargeResult.Declined declined -> {
                        payment.moveTo(PaymentStatus.DECLINED, declined.message(), clock.instant());
                        step(payment, PaymentStatus.DECLINED, declined.message());
                        audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_DECLINED,
                                payment.confirmationNumber() + " declined (" + declined.code() + ")");
                        if (!audit.isPayer(payment.customerId())) {
                            // A scheduled payment declined by a job: nobody is watching the screen.
                            notices.failed(payment);
                        }
                    }
                    case ChargeResult.NotFound notFound -> {
                        String reason = "The card processor has no record of this payment, so you were not charged. "
                                + "Please make the payment again.";
                        payment.moveTo(PaymentStatus.DECLINED, reason, clock.instant());
                        step(payment, PaymentStatus.DECLINED, reason);
                        audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_DECLINED,
                                payment.confirmationNumber() + " not found at the processor");
                        notices.failed(payment);
                    }
                    case ChargeResult.Unknown unknown -> {
                        if (!WAITING_FOR_PROCESSOR.equals(payment.statusReason())) {
                            payment.moveTo(PaymentStatus.PROCESSING, WAITING_FOR_PROCESSOR, clock.instant());
                            step(payment, PaymentStatus.PROCESSING, "The card processor did not answer (" + unknown.detail()
                                    + "); the payment will be checked again.");
                        }
                    }
                }
            }
            return done;
        });
    }

    /**
     * Processes a scheduled payment on its date: the method must still be usable and the amount is lowered
     * to the payoff if the loan now owes less. Cards are then charged; bank debits become pending.
     */
    Payment processScheduled(long paymentId) {
        Payment ready = tx.execute(status -> {
            Payment payment = payments.lock(paymentId).orElseThrow();
            if (payment.status() != PaymentStatus.SCHEDULED) {
                return payment;
            }
            PaymentProfile profile = profiles.findById(payment.profileId()).orElseThrow();
            if (!profile.usable() || profile.expiredBy(YearMonth.from(LocalDate.now(clock)))) {
                String reason = profile.label() + " can no longer be used, so this scheduled payment was not made. "
                        + "Make a new payment with another method.";
                payment.moveTo(PaymentStatus.DECLINED, reason, clock.instant());
                step(payment, PaymentStatus.DECLINED, reason);
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
                payment.moveTo(PaymentStatus.CANCELLED, reason, clock.instant());
                step(payment, PaymentStatus.CANCELLED, reason);
                return payment;
            }
            if (payment.amount().compareTo(payoff) > 0) {
                payment.lowerTo(payoff, PaymentRules.fee(settings.payments(), payment.channel(), payoff));
                step(payment, PaymentStatus.SCHEDULED, "Lowered to " + Money.format(payoff)
                        + ", what the loan owed on the payment's date.");
            }
            if (payment.channel() == PaymentChannel.CARD) {
                payment.moveTo(PaymentStatus.PROCESSING, null, clock.instant());
                step(payment, PaymentStatus.PROCESSING, "Sent to the card processor.");
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
                payment.moveTo(PaymentStatus.COMPLETED, null, clock.instant());
                step(payment, PaymentStatus.COMPLETED, "Settled: the bank did not return the debit.");
                audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_COMPLETED,
                        payment.confirmationNumber() + " settled");
            }
        });
    }

    /**
     * Applies a bank return: the payment and its convenience fee are reversed by linked ledger entries, the
     * lender's NSF fee is charged, the customer is told, and codes that close the account for us mark the
     * bank profile unusable.
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
            payment.returned(code.name(), reason, clock.instant());
            step(payment, PaymentStatus.RETURNED, reason
                    + (nsf.signum() > 0 ? " A returned payment fee of " + Money.format(nsf) + " was charged." : ""));
            audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_RETURNED,
                    payment.confirmationNumber() + " returned " + code.name());
            if (code.accountUnusable()) {
                // Every profile on that bank account, whoever keeps it: the bank will refuse them all.
                List<PaymentProfile> closed = sameBankAccount(profiles.findById(payment.profileId()).orElseThrow());
                for (PaymentProfile profile : closed) {
                    profile.markUnusable("Your bank returned a payment (" + code.description() + "). "
                            + "Add the account again once the bank has fixed it, or use another method.", clock.instant());
                    audit.record(profile.customerId(), payment.loanNumber(), AuditAction.PROFILE_DISABLED,
                            profile.label() + " disabled after return " + code.name() + " of " + payment.confirmationNumber());
                }
                publisher.publishEvent(new BankAccountClosedForDebits(closed.stream().map(PaymentProfile::id).toList(),
                        code.name(), code.description(), payment.confirmationNumber()));
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
            String reason = "Not sent: your bank can no longer be debited for " + payment.methodLabel()
                    + ". The payment was taken back off your loan; please pay with another method.";
            posting.reversePayment(payment.loanNumber(), payment.ledgerEntryId(), payment.feeEntryId(),
                    "bank account no longer usable");
            payment.moveTo(PaymentStatus.DECLINED, reason, clock.instant());
            step(payment, PaymentStatus.DECLINED, reason);
            audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_DECLINED,
                    payment.confirmationNumber() + " not sent: bank profile unusable");
            notices.failed(payment);
        });
    }

    /**
     * The profile and every other bank profile, of any customer, for the same routing and account number
     * (a co-borrower may keep the same account). Account numbers are stored encrypted per customer, so the
     * candidates with the same routing number and last four digits are decrypted and compared.
     */
    private List<PaymentProfile> sameBankAccount(PaymentProfile returned) {
        List<PaymentProfile> same = new ArrayList<>();
        same.add(returned);
        String number = cipher.decrypt(returned.bankAccountSecret(), String.valueOf(returned.customerId()));
        for (PaymentProfile other : profiles.findBankAccountsLike(returned.bankRoutingNumber(), returned.lastFour())) {
            if (!other.id().equals(returned.id()) && other.status() != PaymentProfile.Status.DELETED
                    && number.equals(cipher.decrypt(other.bankAccountSecret(), String.valueOf(other.customerId())))) {
                same.add(other);
            }
        }
        return same;
    }

    void cancel(Payment payment) {
        payment.moveTo(PaymentStatus.CANCELLED, "Cancelled before it was processed.", clock.instant());
        step(payment, PaymentStatus.CANCELLED, "Cancelled by the borrower who scheduled it.");
        audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_CANCELLED,
                payment.confirmationNumber() + " cancelled");
    }

    void step(Payment payment, PaymentStatus status, String note) {
        events.save(new PaymentEvent(payment.id(), clock.instant(), status, note, audit.actorName()));
    }

    private void applyBankDebit(Payment payment, LockedAccounts locked) {
        LedgerPosting.PostedPayment posted = locked.postPayment(payment.loanNumber(), payment.applyDate(),
                payment.amount(), PaymentRules.kind(payment.paymentType()), payment.convenienceFee(),
                "Bank payment " + payment.confirmationNumber());
        payment.applied(posted.entryId(), posted.feeEntryId(), posted.split().fees(), posted.split().interest(),
                posted.split().principal());
        payment.moveTo(PaymentStatus.PENDING, "Applied to your loan; the bank debit settles in about 2 business days.",
                clock.instant());
        step(payment, PaymentStatus.PENDING, "Applied to the loan; the debit goes to the bank on "
                + DAY.format(payment.processDate()) + ".");
    }

    private void applyCardCharge(Payment payment, LockedAccounts accounts) {
        LedgerPosting.PostedPayment posted = accounts.postPaymentUpToPayoff(payment.loanNumber(), payment.applyDate(),
                payment.amount(), PaymentRules.kind(payment.paymentType()), payment.convenienceFee(),
                "Card payment " + payment.confirmationNumber());
        if (posted == null) {
            String reason = "The loan owed nothing more when this charge was approved; the lender will refund "
                    + Money.format(payment.total()) + " to your card.";
            log.error("Card payment {} approved on loan {} that owes nothing: refund due",
                    payment.confirmationNumber(), payment.loanNumber());
            payment.moveTo(PaymentStatus.COMPLETED, reason, clock.instant());
            step(payment, PaymentStatus.COMPLETED, reason);
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
        payment.applied(posted.entryId(), posted.feeEntryId(), posted.split().fees(), posted.split().interest(),
                posted.split().principal());
        payment.moveTo(PaymentStatus.COMPLETED, reason, clock.instant());
        step(payment, PaymentStatus.COMPLETED, "Approved by the card processor and applied to the loan.");
        audit.record(payment.customerId(), payment.loanNumber(), AuditAction.PAYMENT_COMPLETED,
                payment.confirmationNumber() + " approved");
        notices.completed(payment);
    }

    private String confirmationNumber() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = CONFIRMATION_ALPHABET[random.nextInt(CONFIRMATION_ALPHABET.length)];
        }
        return "PAY-" + new String(code);
    }

    private static String describe(Payment payment) {
        return payment.confirmationNumber() + ": " + Money.format(payment.amount()) + " "
                + payment.paymentType().label().toLowerCase() + " by " + payment.methodLabel()
                + (payment.convenienceFee().signum() > 0 ? " + fee " + Money.format(payment.convenienceFee()) : "")
                + ", process " + payment.processDate() + ", apply " + payment.applyDate();
    }
}
