/**
 * My profile (the customer's password, sign-in email, phone and mailing address, paperless choice) and the
 * page an email change's confirmation link opens.
 */
package io.borrowerportal.customer.ui;
