/**
 * Customer views: My profile (the customer's password, sign-in email, phone and mailing address, paperless
 * choice), the page an email change's confirmation link opens, the second factor's settings (decision 018), and
 * the sign-in lock section of a customer's page in the staff console.
 */
package io.borrowerportal.customer.ui;
