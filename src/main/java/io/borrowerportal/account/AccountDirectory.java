package io.borrowerportal.account;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which customers hold which loan numbers, for the staff customer search. */
@Service
@PreAuthorize("hasAnyRole('STAFF','ADMIN')")
@Transactional(readOnly = true)
public class AccountDirectory {

    private final LoanAccountRepository accounts;

    AccountDirectory(LoanAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The customers of the loans whose number starts with the text, in any case (decision 041). */
    public Set<Long> customersWithLoanNumberStarting(String text) {
        String cleaned = text.replace("%", "").replace("_", "").replace("\\", "").trim();
        if (cleaned.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(accounts.customerIdsByLoanNumberStarting(cleaned.toUpperCase(java.util.Locale.ROOT) + "%"));
    }

    public Map<Long, List<String>> loanNumbersByCustomer(Collection<Long> customerIds) {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        for (Object[] row : accounts.loanNumbersOf(List.copyOf(customerIds))) {
            result.computeIfAbsent((Long) row[0], id -> new java.util.ArrayList<>()).add((String) row[1]);
        }
        return result;
    }
}
