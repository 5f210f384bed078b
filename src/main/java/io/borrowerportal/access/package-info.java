/**
 * Getting in: staff invitations and the customer's activation (a first password set from an emailed
 * single-use link), and the forgotten password (an emailed 30-minute link). Answers to anonymous requests
 * never tell whether an email or loan number has an account. See docs/decisions/016-activation-and-password-reset.md.
 */
package io.borrowerportal.access;
