package io.borrowerportal.integration;

import io.borrowerportal.common.RefusedException;

/** An issue or revoke the rules refuse, naming the form field it belongs to (null for the whole request). */
public class ApiClientRefusedException extends RefusedException {

    public ApiClientRefusedException(String field, String message) {
        super(field, message);
    }
}
