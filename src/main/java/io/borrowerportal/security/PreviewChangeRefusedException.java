package io.borrowerportal.security;

import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;

/** A change refused because a staff preview is read-only; the refusal is audited already. */
public class PreviewChangeRefusedException extends AuthorizationDeniedException {

    private final String method;

    PreviewChangeRefusedException(String method, AuthorizationResult result) {
        super("Changes are not allowed during a preview (" + method + ")", result);
        this.method = method;
    }

    /** The service method refused, as {@code PaymentService.submit}. */
    public String method() {
        return method;
    }
}
