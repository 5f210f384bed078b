/**
 * Email through a transactional outbox: {@link io.borrowerportal.notification.Mailer#send} stores the
 * message in the caller's transaction, and it is delivered after that transaction commits (or retried by
 * a scheduled dispatcher), over SMTP when {@code spring.mail.host} is set and to the log otherwise.
 */
package io.borrowerportal.notification;
