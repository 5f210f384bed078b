package io.borrowerportal.notification;

import java.time.Instant;

/** An outbox row as staff and tests see it. {@code sentAt} is set once it was sent or logged. */
public record OutboxMessage(long id, String to, String subject, String body, EmailStatus status,
                            Instant createdAt, Instant sentAt) {
}
