package io.borrowerportal.security;

import io.borrowerportal.common.RefusedException;

/**
 * A change to staff users that the rules refuse: the last active admin, an email already in use, a name too
 * long. The message is for the admin; the field ({@link StaffDirectory#NAME}, {@link StaffDirectory#EMAIL},
 * {@link StaffDirectory#ROLE}) names the input it belongs to, or is null. Nothing was stored.
 */
public class StaffChangeRefusedException extends RefusedException {

    public StaffChangeRefusedException(String field, String message) {
        super(field, message);
    }
}
