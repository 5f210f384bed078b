/**
 * The customer's payment pages on an account's dashboard: the Payments tab (list, cancel, payoff quote),
 * the Make a Payment wizard with its new-profile dialogs, and the receipt. They only show what
 * {@link io.borrowerportal.payment.PaymentService} decides; every rule stays in the service.
 */
package io.borrowerportal.payment.ui;
