package io.borrowerportal.account;

/**
 * No account with that number is visible to the served customer. Deliberately the same whether the
 * account does not exist, belongs to someone else or is switched off for web access.
 */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(String loanNumber) {
        super("No account " + loanNumber + " for the current customer");
    }
}
