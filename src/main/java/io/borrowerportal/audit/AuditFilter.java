package io.borrowerportal.audit;

import io.borrowerportal.common.InvalidValueException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The audit log viewer's filters; null means "any". Dates are business dates in the lender's time zone, both
 * included. Blank text is "any"; loan numbers are compared upper-case, as they are written.
 */
public record AuditFilter(Long customerId, String loanNumber, String actor, AuditAction action, LocalDate from,
                          LocalDate to) {

    /** As long as the columns they are compared with (audit_events.actor, loan_number). */
    public static final int MAX_ACTOR = 160;
    public static final int MAX_LOAN_NUMBER = 20;

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

    public AuditFilter {
        loanNumber = blankToNull(loanNumber);
        loanNumber = loanNumber == null ? null : loanNumber.toUpperCase(Locale.ROOT);
        actor = blankToNull(actor);
        if (loanNumber != null && loanNumber.length() > MAX_LOAN_NUMBER) {
            throw new InvalidValueException("A loan number has at most " + MAX_LOAN_NUMBER + " characters.");
        }
        if (actor != null && actor.length() > MAX_ACTOR) {
            throw new InvalidValueException("An actor has at most " + MAX_ACTOR + " characters.");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidValueException("The first day must be on or before the last day.");
        }
    }

    public static AuditFilter forCustomer(long customerId) {
        return new AuditFilter(customerId, null, null, null, null, null);
    }

    /** The filters in a few words, for the audit row that records a view or an export of the log. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (customerId != null) {
            parts.add("customer " + customerId);
        }
        if (loanNumber != null) {
            parts.add("loan " + loanNumber);
        }
        if (actor != null) {
            parts.add("actor " + actor);
        }
        if (action != null) {
            parts.add("action " + action.name());
        }
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("to " + to);
        }
        return parts.isEmpty() ? "no filters" : String.join(", ", parts);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
