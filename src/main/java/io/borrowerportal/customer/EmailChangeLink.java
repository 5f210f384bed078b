package io.borrowerportal.customer;

/** A confirmation link as its page first shows it, before it is used: still usable, and for which address. */
public record EmailChangeLink(EmailChangeOutcome problem, String newEmail) {

    public boolean usable() {
        return problem == null;
    }
}
