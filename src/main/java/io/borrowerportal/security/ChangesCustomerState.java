package io.borrowerportal.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method by which a customer changes something. Only a signed-in customer may call
 * it; during a staff preview the call is refused before the method runs, whatever the UI showed.
 * Every customer-facing state-changing method carries it (a test checks). A refusal during a preview is
 * audited with the method's name ({@link PreviewRefusals}).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasRole('CUSTOMER') and !hasRole('PREVIEW')")
@HandleAuthorizationDenied(handlerClass = PreviewRefusals.class)
public @interface ChangesCustomerState {
}
