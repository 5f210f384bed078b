/** The admins' Webhooks page of the staff console: endpoints, their secrets shown once, and dead letters. */
package io.borrowerportal.outbox.ui;
