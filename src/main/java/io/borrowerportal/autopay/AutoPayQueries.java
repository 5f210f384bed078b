package io.borrowerportal.autopay;

import io.borrowerportal.account.AccountNotFoundException;
import io.borrowerportal.account.AccountRef;
import io.borrowerportal.account.AccountService;
import io.borrowerportal.payment.PaymentService;
import io.borrowerportal.payment.PaymentStatus;
import io.borrowerportal.payment.PaymentSummary;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.SystemTask;
import io.borrowerportal.settings.AutoPaySettings;
import io.borrowerportal.settings.SettingsService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The AutoPay tab's read model: the loan's AutoPays with their runs, history and what the served customer
 * may do with each, and the Summary's alerts. A staff preview reads the same.
 */
@Service
@PreAuthorize("hasRole('CUSTOMER')")
@Transactional(readOnly = true)
public class AutoPayQueries {

    private final AccountService accounts;
    private final PaymentService payments;
    private final AutoPayRepository autopays;
    private final AutoPayRunRepository runs;
    private final AutoPayEventRepository events;
    private final AutoPayChecks checks;
    private final SettingsService settings;
    private final CurrentUser currentUser;

    AutoPayQueries(AccountService accounts, PaymentService payments, AutoPayRepository autopays,
                   AutoPayRunRepository runs, AutoPayEventRepository events, AutoPayChecks checks,
                   SettingsService settings, CurrentUser currentUser) {
        this.accounts = accounts;
        this.payments = payments;
        this.autopays = autopays;
        this.runs = runs;
        this.events = events;
        this.checks = checks;
        this.settings = settings;
        this.currentUser = currentUser;
    }

    /** Every AutoPay on the loan, newest first, by whichever of its borrowers set it up. */
    public List<AutoPaySummary> autopays(String loanNumber) {
        AccountRef account = accounts.reference(loanNumber);
        return summaries(account, autopays.findByAccountIdOrderByCreatedAtDescIdDesc(account.id()));
    }

    public AutoPaySummary autopay(String loanNumber, String reference) {
        AccountRef account = accounts.reference(loanNumber);
        return summary(account, checks.visible(account, reference));
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

    /** One AutoPay as the tab shows it, for the commands' answers. */
    AutoPaySummary summary(AccountRef account, AutoPay autopay) {
        return summaries(account, List.of(autopay)).getFirst();
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
        boolean on = checks.offered();
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
            LocalDate next = open ? checks.nextPaymentDate(a) : null;
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
