/**
 * Outbound events: what the portal originates (payments, AutoPays, payment profiles, insurance submissions,
 * uploads, contact changes), written to an outbox in the transaction of the change itself, for the lender's
 * servicing system to take in by pulling the feed ({@link io.borrowerportal.outbox.EventFeed}) or by signed
 * webhooks. A low module: the features call {@link io.borrowerportal.outbox.Outbox}; it names none of them
 * (decision 029).
 */
package io.borrowerportal.outbox;
