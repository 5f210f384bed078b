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

    public Set<Long> customersWithLoanNumberContaining(String text) {
        String cleaned = text.replace("%", "").replace("_", "").replace("\\", "");
        return new HashSet<>(accounts.customerIdsByLoanNumberLike("%" + cleaned.toLowerCase(java.util.Locale.ROOT) + "%"));
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
