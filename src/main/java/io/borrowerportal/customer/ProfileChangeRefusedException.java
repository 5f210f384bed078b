package io.borrowerportal.customer;

import io.borrowerportal.common.RefusedException;

/**
 * A change on My profile that the rules refuse (a wrong current password, an address that cannot be used, a ZIP
 * code with three digits). The message is for the customer; the field names the input it belongs to
 * ({@link ProfileFields}). Nothing was stored.
 */
public class ProfileChangeRefusedException extends RefusedException {

    public ProfileChangeRefusedException(String field, String message) {
        super(field, message);
    }
}
