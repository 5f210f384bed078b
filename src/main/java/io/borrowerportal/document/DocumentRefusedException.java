package io.borrowerportal.document;

import io.borrowerportal.common.RefusedException;

/** A document the lender's rules or its content refuse; nothing was stored. */
public class DocumentRefusedException extends RefusedException {

    public DocumentRefusedException(String field, String message) {
        super(field, message);
    }
}
