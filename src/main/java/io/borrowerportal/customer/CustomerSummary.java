package io.borrowerportal.customer;

import java.util.List;

/** A customer as the staff search shows them. */
public record CustomerSummary(long id, String name, String email, CustomerStatus status, List<String> loanNumbers) {

    public CustomerSummary {
        loanNumbers = List.copyOf(loanNumbers);
    }
}
