/**
 * The boundary to the card processor. The portal talks to {@link io.borrowerportal.gateway.PaymentGateway}
 * only; {@link io.borrowerportal.gateway.SandboxGateway} is the embedded default and behaves like a
 * processor's test mode. A real processor is one more implementation of the interface, selected with
 * {@code portal.payments.gateway}.
 */
package io.borrowerportal.gateway;
