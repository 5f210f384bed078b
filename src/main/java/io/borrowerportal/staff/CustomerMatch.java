package io.borrowerportal.staff;

import io.borrowerportal.customer.CustomerSummary;

import java.util.List;

/** A customer found by the staff search, with the loans they are linked to. */
public record CustomerMatch(CustomerSummary customer, List<String> loanNumbers) {

    public CustomerMatch {
        loanNumbers = List.copyOf(loanNumbers);
    }
}
