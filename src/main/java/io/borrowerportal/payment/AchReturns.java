package io.borrowerportal.payment;

import io.borrowerportal.audit.AuditAction;
import io.borrowerportal.audit.AuditService;
import io.borrowerportal.payment.ach.AchReturn;
import io.borrowerportal.payment.ach.NachaFormatException;
import io.borrowerportal.payment.ach.ReturnCode;
import io.borrowerportal.payment.ach.ReturnFiles;
import io.borrowerportal.security.CurrentUser;
import io.borrowerportal.security.PortalUser;
import io.borrowerportal.security.Role;
import io.borrowerportal.security.SystemTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bank's returns: a returns file, or one return the bank reported by phone or letter. Each return
 * reverses its payment, charges the NSF fee and tells the customer ({@link PaymentLifecycle#returnPayment}).
 */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN','SYSTEM') and !hasRole('PREVIEW')")
public class AchReturns {

    private static final Logger log = LoggerFactory.getLogger(AchReturns.class);

    private final PaymentRepository payments;
    private final PaymentLifecycle lifecycle;
    private final AuditService audit;
    private final CurrentUser currentUser;

    AchReturns(PaymentRepository payments, PaymentLifecycle lifecycle, AuditService audit, CurrentUser currentUser) {
        this.payments = payments;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /**
     * Applies a bank's returns file (NACHA or CSV of trace number and R-code). Each return is its own
     * transaction: one bad line never undoes the others, and a return seen twice is skipped.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ReturnImportResult importReturns(String content) {
        List<AchReturn> returns;
        try {
            returns = ReturnFiles.parse(content == null ? "" : content);
        } catch (NachaFormatException e) {
            // Its message names the line and quotes at most a cut piece of it (NachaFormatException.quote).
            throw new PaymentRefusedException("file", "The returns file could not be read: " + e.getMessage());
        }
        List<String> applied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (AchReturn ret : returns) {
            Optional<Payment> payment = payments.findByTraceNumber(ret.traceNumber());
            if (payment.isEmpty()) {
                skipped.add("Trace " + ret.traceNumber() + ": no payment was sent with this trace number.");
                continue;
            }
            try {
                apply(payment.get(), ret.code(), applied, skipped);
            } catch (RuntimeException e) {
                log.error("Return {} for payment {} could not be applied", ret.code(),
                        payment.get().confirmationNumber(), e);
                // The exception's text is for the log: staff get what to do.
                skipped.add(payment.get().confirmationNumber() + ": could not be applied; try again or record it by "
                        + "hand. The details are in the server log.");
            }
        }
        record(AuditAction.ACH_RETURNS_IMPORTED, applied.size() + " returns applied, " + skipped.size() + " skipped");
        return new ReturnImportResult(applied, skipped);
    }

    /** A return the bank reported by phone or letter, by the payment's confirmation number. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ReturnImportResult recordReturn(String confirmationNumber, String returnCode) {
        ReturnCode code = ReturnCode.parse(returnCode == null ? "" : returnCode.trim().toUpperCase())
                .orElseThrow(() -> new PaymentRefusedException("code", "Choose a return reason code (R01 to R33)."));
        String confirmation = confirmationNumber == null ? "" : confirmationNumber.trim().toUpperCase();
        Payment payment = payments.findByConfirmationNumber(confirmation)
                .orElseThrow(() -> new PaymentRefusedException("confirmation", "No payment has confirmation number "
                        + NachaFormatException.cut(confirmationNumber == null ? "" : confirmationNumber.strip())
                        + ". Check the number on the receipt."));
        List<String> applied = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        apply(payment, code, applied, skipped);
        return new ReturnImportResult(applied, skipped);
    }

    private void apply(Payment payment, ReturnCode code, List<String> applied, List<String> skipped) {
        String skippedBecause = lifecycle.returnPayment(payment.id(), code);
        if (skippedBecause == null) {
            applied.add(payment.confirmationNumber() + " (" + payment.loanNumber() + "): " + code.name() + " "
                    + code.description());
        } else {
            skipped.add(skippedBecause);
        }
    }

    private void record(AuditAction action, String detail) {
        String actor = currentUser.actor().map(PortalUser::email).orElse(SystemTask.ACTOR);
        String role = currentUser.actor().map(PortalUser::role).orElse(Role.SYSTEM);
        audit.record(actor, role, null, null, null, action, detail);
    }
}
